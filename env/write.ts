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

/** A file that would land outside its workspace root once symlinks are followed. */
export class OutsideWorkspaceError extends Error {}

/** `p` with every symlink in its existing part resolved; the part that does not exist yet is kept as written. */
function realPath(p: string): string {
  const missing: string[] = [];
  let existing = path.resolve(p);
  while (!fs.existsSync(existing)) {
    missing.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  return path.join(fs.realpathSync(existing), ...missing);
}

/**
 * Writes an env pair like writeEnvPair, after checking that the file's directory, with symlinks
 * resolved, lies inside `root` (also resolved): a symlinked directory never carries a secret out
 * of the workspace. The file itself is replaced by rename, which never follows a symlink.
 */
export function writeEnvPairInside(root: string, file: string, content: string, example: string): void {
  const realRoot = realPath(root);
  const relative = path.relative(realRoot, realPath(path.dirname(file)));
  if (relative.startsWith("..") || path.isAbsolute(relative)) {
    throw new OutsideWorkspaceError(`${file} leads outside the workspace root ${root} (${realRoot}) through a symlink; write it inside the workspace root`);
  }
  writeEnvPair(file, content, example);
}
