import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Writes a file atomically with mode 0600: a temp file in the same directory, fsynced, then
 * renamed over the target, so a reader never sees half a file and no other user can read it.
 */
export function writeFileAtomic(file: string, content: string): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${crypto.randomBytes(6).toString("hex")}.tmp`);
  const fd = fs.openSync(temp, "wx", 0o600);
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** `backend/.env` → `backend/.env.example`: where a file's documentation twin goes. */
export function examplePath(file: string): string {
  return `${file}.example`;
}

/** Writes an env file and, beside it, its example (both atomically, mode 0600). */
export function writeEnvPair(file: string, content: string, example: string): void {
  writeFileAtomic(file, content);
  writeFileAtomic(examplePath(file), example);
}
