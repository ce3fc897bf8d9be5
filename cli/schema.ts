/**
 * npm run schema [-- --check]
 *
 * Writes the stack file's JSON Schema (schema/stack.schema.json, which every stack file's
 * yaml-language-server modeline points at) and the configuration reference
 * (docs/configuration.md), both generated from the zod schemas in config/schema/. With --check,
 * writes nothing and exits 1 when either file differs from what the schemas generate.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { Io } from "./io";
import { DOC_FILE, renderReference } from "../reference/markdown";
import { renderStackFileSchema, SCHEMA_FILE, stackFileSchema } from "../reference/stackSchema";

const USAGE = "usage: npm run schema [-- --check]";
const PROJECT_DIR = path.resolve(__dirname, "..");

/** Each generated file, relative to `root`, with the text the schemas generate for it. */
export function generatedFiles(root: string): Record<string, string> {
  const docPath = path.join(root, DOC_FILE);
  const currentDoc = fs.existsSync(docPath) ? fs.readFileSync(docPath, "utf8") : undefined;
  return {
    [SCHEMA_FILE]: renderStackFileSchema(),
    [DOC_FILE]: renderReference(stackFileSchema(), currentDoc),
  };
}

/** The schema command: 0 when written or up to date, 1 when --check finds a stale file, 2 on bad arguments. */
export function schemaCommand(argv: readonly string[], io: Io = process, root: string = PROJECT_DIR): number {
  let check: boolean;
  try {
    check = parseArgs({ args: [...argv], options: { check: { type: "boolean", default: false } }, strict: true }).values.check;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  let stale = 0;
  for (const [file, text] of Object.entries(generatedFiles(root))) {
    const target = path.join(root, file);
    const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : undefined;
    if (current === text) {
      io.stdout.write(`${file}: up to date\n`);
    } else if (check) {
      io.stderr.write(`${file}: differs from what config/schema/ generates; run npm run schema and commit the result\n`);
      stale += 1;
    } else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
      io.stdout.write(`${file}: written\n`);
    }
  }
  return stale === 0 ? 0 : 1;
}
