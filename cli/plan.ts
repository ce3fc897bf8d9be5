/**
 * npm run plan -- --stack <name> [--config <file>] [--out <dir>] [--json] [--markdown <file>]
 *
 * Runs the auth0kit program under the Pulumi SDK's mock runtime (no credentials, no Pulumi CLI)
 * and prints what `pulumi up` would create.
 */
import * as path from "node:path";
import { type Io, optionsOf } from "./io";
import { ConfigError } from "../config/issues";
import { InvalidConfigError } from "../program/errors";
import { writeEnvPair, writeFileAtomic } from "../env/write";
import { planMarkdown } from "../plan/markdown";
import { planJson, planText } from "../plan/render";
import { runPlan } from "../plan/run";
import { StackFileError } from "../plan/stackFile";

const USAGE = "usage: npm run plan -- --stack <name> [--config <file>] [--out <dir>] [--json] [--markdown <file>]";
const PROJECT_DIR = path.resolve(__dirname, "..");


/**
 * The plan command: exit 0 on success, 2 on invalid configuration (one `<config path>: <message>`
 * line per problem on stderr, nothing written), 1 on anything else.
 */
export async function planCommand(argv: readonly string[], io: Io = process): Promise<number> {
  const args = optionsOf(
    argv,
    {
      stack: { type: "string" },
      config: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean", default: false },
      markdown: { type: "string" },
    },
    USAGE,
    io,
  );
  if (args === undefined) return 2;
  const stack = args.stack ?? (args.config ? stackNameOf(args.config) : undefined);
  if (stack === undefined) {
    io.stderr.write(`--stack is required\n${USAGE}\n`);
    return 2;
  }
  try {
    const result = await runPlan({
      projectDir: PROJECT_DIR,
      stack,
      configFile: args.config ? path.resolve(args.config) : undefined,
    });
    const outDir = path.resolve(args.out ?? defaultOutDir(stack, args.config));
    for (const file of result.envFiles) {
      writeEnvPair(path.join(outDir, `${file.name}.env`), file.content, file.example);
    }
    // The review report for a pull request; written only once the plan succeeded.
    if (args.markdown !== undefined) writeFileAtomic(path.resolve(args.markdown), planMarkdown(result));
    io.stdout.write(args.json ? planJson(result) : planText(result));
    if (!args.json && result.envFiles.length > 0) io.stdout.write(`\nWrote ${result.envFiles.length * 2} files to ${path.relative(process.cwd(), outDir) || "."}\n`);
    // The text output carries the warnings; the JSON contract does not, so they go to stderr.
    if (args.json) for (const warning of result.warnings) io.stderr.write(`warning: ${warning}\n`);
    return 0;
  } catch (error) {
    if (error instanceof InvalidConfigError || error instanceof ConfigError || error instanceof StackFileError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    io.stderr.write(`auth0kit plan failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

/** `out/<stack>`; a stack file from another directory gets `out/<directory>-<stack>`, so examples never overwrite the root stacks' files. */
function defaultOutDir(stack: string, config: string | undefined): string {
  const dir = config ? path.dirname(path.resolve(config)) : PROJECT_DIR;
  return path.join(PROJECT_DIR, "out", dir === PROJECT_DIR ? stack : `${path.basename(dir)}-${stack}`);
}

/** `examples/orcheo/Pulumi.dev.yaml` → `dev`. */
function stackNameOf(file: string): string {
  return path.basename(file).replace(/^Pulumi\./, "").replace(/\.ya?ml$/, "");
}

