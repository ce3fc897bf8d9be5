/**
 * `--state FILE`: the emulated tenant loaded at start and saved at stop. The file holds client
 * secrets, so it is written atomically (temporary file, then rename) with mode 0600.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Store } from "./store";

export function loadState(file: string, maxBytes: number): Store | undefined {
  if (!fs.existsSync(file)) return undefined;
  const store = new Store(maxBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    throw new Error(`--state: ${file} is not JSON; delete it or point --state at another file`);
  }
  try {
    store.load(parsed);
  } catch (e) {
    throw new Error(`--state: ${file}: ${(e as Error).message}`);
  }
  return store;
}

export function saveState(file: string, store: Store): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(store.snapshot(), null, 2) + "\n", { mode: 0o600 });
  fs.renameSync(tmp, file);
}
