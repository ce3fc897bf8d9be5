import { type ParseArgsConfig, parseArgs } from "node:util";

/** Where a command writes: the process streams, or buffers in tests that run it in-process. */
export interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/**
 * A command's `--option` values (no positionals), or undefined after printing the parser's
 * message and the usage to stderr: the caller exits 2.
 */
export function optionsOf<T extends ParseArgsConfig["options"]>(argv: readonly string[], options: T, usage: string, io: Io) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return undefined;
  }
}
