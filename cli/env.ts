/**
 * npm run env -- --stack <name> [--outputs <file>|-] [--dir <dir>] [--check]
 *
 * Renders a deployed stack's env files from its outputs, without a full `pulumi up`: the outputs
 * come from `pulumi stack output --json --show-secrets` (run for you, or read from a file or
 * stdin with --outputs). With --check, compares the files on disk instead and exits 1 on drift,
 * naming the variables that differ (never their values). Exit 2 on bad input.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { Io } from "./io";
import { changedVariables } from "../env/check";
import { OutsideWorkspaceError, writeEnvPairInside } from "../env/write";

const USAGE = "usage: npm run env -- --stack <name> [--outputs <file>|-] [--dir <dir>] [--check]";
const PROJECT_DIR = path.resolve(__dirname, "..");


interface EnvFileOutput {
  readonly kind: string;
  readonly path: string;
  /** `auth0kit:workspaceRoot`; outputs of a `pulumi up` from before it existed have none (the project directory). */
  readonly workspaceRoot?: string;
  readonly content: string;
  readonly example: string;
}

class UsageError extends Error {}

function readOutputs(stack: string, source: string | undefined): Record<string, EnvFileOutput> {
  let text: string;
  if (source === "-") text = fs.readFileSync(0, "utf8");
  else if (source !== undefined) text = fs.readFileSync(source, "utf8");
  else text = execFileSync("pulumi", ["stack", "output", "--json", "--show-secrets", "--stack", stack], { cwd: PROJECT_DIR, encoding: "utf8" });
  let outputs: unknown;
  try {
    outputs = JSON.parse(text);
  } catch {
    throw new UsageError("the stack outputs are not JSON; pass the output of: pulumi stack output --json --show-secrets");
  }
  const files = (outputs as { envFiles?: unknown } | null)?.envFiles;
  if (typeof files !== "object" || files === null) throw new UsageError("the stack outputs have no envFiles; run pulumi up with auth0kit:envFiles configured first");
  for (const [key, file] of Object.entries(files)) {
    const f = file as Partial<EnvFileOutput>;
    if (typeof f.path !== "string" || typeof f.content !== "string" || typeof f.example !== "string") {
      throw new UsageError(`envFiles.${key} has no readable content; pass --show-secrets to pulumi stack output`);
    }
  }
  return files as Record<string, EnvFileOutput>;
}

/** The env command: 0 when written or up to date, 1 on drift (with --check) or failure, 2 on bad input. */
export function envCommand(argv: readonly string[], io: Io = process): number {
  try {
    return run(argv, io);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    io.stderr.write(`${(error as Error).message}${usage ? `\n${USAGE}` : ""}\n`);
    return usage || error instanceof OutsideWorkspaceError ? 2 : 1;
  }
}

function run(argv: readonly string[], io: Io): number {
  const { values: args } = parseArgs({
    args: [...argv],
    options: { stack: { type: "string" }, outputs: { type: "string" }, dir: { type: "string" }, check: { type: "boolean", default: false } },
    strict: true,
  });
  if (args.stack === undefined) throw new UsageError("--stack is required");
  const files = readOutputs(args.stack, args.outputs);
  const dir = path.resolve(args.dir ?? PROJECT_DIR);
  let drift = 0;
  for (const [key, file] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const target = path.resolve(dir, file.path);
    if (!args.check) {
      writeEnvPairInside(path.resolve(dir, file.workspaceRoot ?? "."), target, file.content, file.example);
      io.stdout.write(`wrote ${file.path} (${key}, ${file.kind}) and its example\n`);
      continue;
    }
    if (!fs.existsSync(target)) {
      drift += 1;
      io.stdout.write(`${file.path}: missing\n`);
      continue;
    }
    const changed = changedVariables(file.content, fs.readFileSync(target, "utf8"));
    if (changed.length > 0) {
      drift += 1;
      io.stdout.write(`${file.path}: differs in ${changed.join(", ")}\n`);
    } else {
      io.stdout.write(`${file.path}: up to date\n`);
    }
  }
  return drift > 0 ? 1 : 0;
}
