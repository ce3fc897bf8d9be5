/** Where a command writes: the process streams, or buffers in tests that run it in-process. */
export interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}
