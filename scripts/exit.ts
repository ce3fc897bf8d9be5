/**
 * Exits once stdout and stderr have drained. `process.exit` right after a large write to a pipe
 * would cut the output off (a pipe takes 64 KiB at a time).
 */
export function exitAfterFlush(code: number): void {
  let pending = 2;
  const done = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}
