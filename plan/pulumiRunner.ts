import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";

/** What a language host hands the program: the stack's configuration, keys qualified. */
export interface EngineConfig {
  readonly values: Readonly<Record<string, string>>;
  readonly secretKeys: ReadonlySet<string>;
}

export interface RunnerOptions {
  /** The directory holding Pulumi.yaml and package.json. */
  readonly projectDir: string;
  readonly stack: string;
  readonly config: EngineConfig;
  /** `pulumi preview` (the default) or `pulumi up`. */
  readonly preview?: boolean;
  /** Another tsconfig, as Pulumi.yaml's `runtime.options.tsconfig` would name it. */
  readonly tsconfigPath?: string;
  /** More environment for the program's process (the benchmark's transpile cache). */
  readonly env?: Readonly<Record<string, string>>;
}

/** One registration as the engine received it, secrets masked. */
export interface RunnerResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly parent: string | null;
  readonly custom: boolean;
  readonly inputs: Record<string, unknown>;
  /** The URNs the resource was aliased to (`aliases` given as URNs). */
  readonly aliases: readonly string[];
}

export interface RunnerResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly resources: readonly RunnerResource[];
  readonly wallMs: number;
  /** Peak resident set size of the runner's process, in KiB. */
  readonly maxRssKiB: number;
}

/**
 * `PULUMI_CONFIG` as the Node.js language host builds it (pulumi-language-nodejs, constructConfig):
 * every key rewritten to the old `<namespace>:config:<name>` form (the SDK strips `config:` again),
 * then Go's json.Marshal of the map: keys sorted, and `<`, `>`, `&`, U+2028 and U+2029 escaped as
 * \u sequences, backspace and form feed as \u0008 and \u000c.
 */
export function pulumiConfigJson(values: Readonly<Record<string, string>>): string {
  const entries = Object.keys(values)
    .map((key) => {
      const colon = key.indexOf(":");
      return [colon < 0 ? key : `${key.slice(0, colon)}:config:${key.slice(colon + 1)}`, values[key]!] as const;
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, value]) => `${goJsonString(key)}:${goJsonString(value)}`).join(",")}}`;
}

const GO_ESCAPES: Readonly<Record<string, string>> = { "\\b": "\\u0008", "\\f": "\\u000c", "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };

function goJsonString(text: string): string {
  // Escape pairs are matched whole, so an escaped backslash followed by "b" stays as it is.
  return JSON.stringify(text).replace(/\\.|[<>&\u2028\u2029]/g, (match) => GO_ESCAPES[match] ?? match);
}

/**
 * The environment the Node.js language host gives the program's process: the whole stack
 * configuration in one variable (`pulumiConfigJson`).
 */
export function engineEnvironment(options: Pick<RunnerOptions, "stack" | "config" | "preview">, project: string): Record<string, string> {
  return {
    PULUMI_CONFIG: pulumiConfigJson(options.config.values),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify([...options.config.secretKeys].sort()),
    PULUMI_NODEJS_TYPESCRIPT: "true",
    PULUMI_NODEJS_PROJECT: project,
    PULUMI_NODEJS_STACK: options.stack,
    PULUMI_NODEJS_DRY_RUN: String(options.preview ?? true),
  };
}

const RUNNER = require.resolve("@pulumi/pulumi/cmd/run");
const PRELOAD = path.join(__dirname, "runnerPreload.cjs");

/**
 * Runs the project's program through Pulumi's own Node.js runner (`@pulumi/pulumi/cmd/run`, what
 * the language host starts), in a child process with the engine's environment, with the mock
 * runtime standing in for the engine and the providers. The runner registers ts-node with the
 * project's tsconfig exactly as under `pulumi preview`; nothing here loads TypeScript itself.
 */
export async function runUnderPulumiRunner(options: RunnerOptions): Promise<RunnerResult> {
  const project = parse(fs.readFileSync(path.join(options.projectDir, "Pulumi.yaml"), "utf8")) as { name: string; main?: string };
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-runner-"));
  const reportPath = path.join(scratch, "report.json");
  const args = [
    "--require",
    PRELOAD,
    RUNNER,
    "--monitor=mock",
    `--project=${project.name}`,
    `--stack=${options.stack}`,
    ...((options.preview ?? true) ? ["--dry-run"] : []),
    project.main ?? ".",
  ];
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? os.homedir(),
    AUTH0KIT_RUNNER_REPORT: reportPath,
    ...engineEnvironment(options, project.name),
    ...(options.tsconfigPath !== undefined && { PULUMI_NODEJS_TSCONFIG_PATH: options.tsconfigPath }),
    ...options.env,
  };
  const started = performance.now();
  try {
    const { exitCode, stdout, stderr } = await spawnCollect(process.execPath, args, { cwd: options.projectDir, env });
    const wallMs = performance.now() - started;
    const report = fs.existsSync(reportPath)
      ? (JSON.parse(fs.readFileSync(reportPath, "utf8")) as { resources: RunnerResource[]; maxRssKiB: number })
      : { resources: [], maxRssKiB: 0 };
    return { exitCode, stdout, stderr, resources: report.resources, wallMs, maxRssKiB: report.maxRssKiB };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function spawnCollect(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      }),
    );
  });
}
