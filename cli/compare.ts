/**
 * npm run compare -- <stackA> <stackB>
 *
 * Prints what differs between two stacks' validated specs (see plan/compare.ts). A stack is a
 * name (`prod` → Pulumi.prod.yaml beside Pulumi.yaml) or a stack file's path.
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError } from "../config/issues";
import { loadSpec } from "../config/load";
import type { TenantSpec } from "../config/spec";
import type { Io } from "./io";
import { compareSpecs, renderComparison } from "../plan/compare";
import { readProjectFile, readStackFile, StackFileError, withPlaceholderSecrets } from "../plan/stackFile";

const USAGE = "usage: npm run compare -- <stackA> <stackB>   (a stack name such as dev, or a stack file's path)";
const PROJECT_DIR = path.resolve(__dirname, "..");

/**
 * Exit 0 when the comparison ran (differences are not errors); 2 on bad arguments or an invalid
 * stack (the plan's `<config path>: <message>` lines, under the stack file they belong to); 1 on
 * anything else.
 */
export async function compareCommand(argv: readonly string[], io: Io = process): Promise<number> {
  let stacks: string[];
  try {
    stacks = parseArgs({ args: [...argv], options: {}, strict: true, allowPositionals: true }).positionals;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (stacks.length !== 2) {
    io.stderr.write(`expected two stacks, got ${stacks.length}\n${USAGE}\n`);
    return 2;
  }
  try {
    const project = readProjectFile(PROJECT_DIR);
    const specs: TenantSpec[] = [];
    let invalid = false;
    for (const stack of stacks) {
      const file = stackFilePath(stack);
      try {
        specs.push(loadSpec(withPlaceholderSecrets(readStackFile(file, project.name), project.name), process.env));
      } catch (error) {
        if (!(error instanceof ConfigError || error instanceof StackFileError)) throw error;
        io.stderr.write(`${path.relative(process.cwd(), file) || file} is invalid:\n${error.message}\n`);
        invalid = true;
      }
    }
    if (invalid) return 2;
    io.stdout.write(renderComparison(stacks[0]!, stacks[1]!, compareSpecs(specs[0]!, specs[1]!)));
    return 0;
  } catch (error) {
    if (error instanceof StackFileError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    io.stderr.write(`auth0kit compare failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

/** `prod` → `<project>/Pulumi.prod.yaml`; anything that looks like a path is a path. */
export function stackFilePath(stack: string): string {
  if (/\.ya?ml$/.test(stack) || stack.includes("/") || stack.includes(path.sep)) return path.resolve(stack);
  return path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`);
}
