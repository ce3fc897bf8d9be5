import * as fs from "node:fs";
import * as path from "node:path";
import { type ConfigIssue, configPath } from "./issues";
import type { ActionConfig } from "./schema/actions";

/**
 * Reads a project file by its path relative to the project root; undefined when there is none.
 * `list`, when given, names a directory's entries (a directory's name ends with `/`), sorted;
 * undefined when the directory does not exist.
 */
export type SourceReader = ((relativePath: string) => string | undefined) & {
  readonly list?: (relativeDirectory: string) => readonly string[] | undefined;
};

/** The directory holding Pulumi.yaml and actions/. */
export const PROJECT_ROOT = path.resolve(__dirname, "..");

/** Reads from the project root, as UTF-8 text: the exact characters of the file. */
export function projectFileReader(root: string = PROJECT_ROOT): SourceReader {
  const resolve = (relativePath: string) => path.join(root, ...relativePath.split("/").filter((part) => part !== ""));
  const read = (relativePath: string) => {
    try {
      const file = resolve(relativePath);
      return fs.statSync(file).isFile() ? fs.readFileSync(file, "utf8") : undefined;
    } catch {
      return undefined;
    }
  };
  const list = (relativeDirectory: string) => {
    try {
      return fs
        .readdirSync(resolve(relativeDirectory), { withFileTypes: true })
        .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name))
        .sort();
    } catch {
      return undefined;
    }
  };
  return Object.assign(read, { list });
}

/** The code of every Action by key; a missing source file is an issue at its `source`. */
export function readActionSources(
  root: string,
  actions: Readonly<Record<string, ActionConfig>>,
  read: SourceReader,
): { codes: Record<string, string>; issues: ConfigIssue[] } {
  const codes: Record<string, string> = {};
  const issues: ConfigIssue[] = [];
  for (const key of Object.keys(actions).sort()) {
    const source = actions[key]!.source;
    const code = read(source);
    if (code === undefined) {
      issues.push({ path: configPath(root, key, "source"), message: `${source} does not exist; create it or fix the path (relative to the project root)` });
    } else {
      codes[key] = code;
    }
  }
  return { codes, issues };
}
