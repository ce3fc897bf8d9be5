import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { planCommand } from "../cli/plan";

export const ROOT = path.resolve(__dirname, "..");

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** `npm run plan -- …` as a child process, exactly as a user runs it. */
export function plan(...args: string[]): Run {
  const started = Date.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/plan.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, AUTH0_DOMAIN: "", AUTH0_CLIENT_SECRET: "" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

/** Plain-process environment for plans: no provider credentials from the caller's shell. */
const PLAN_ENV = { ...process.env, AUTH0_DOMAIN: "", AUTH0_CLIENT_SECRET: "" };

/**
 * Several `npm run plan -- …` runs in ONE child process (test/planMany.ts calls the CLI's
 * planCommand for each argument list in turn), without blocking: start several to use every core.
 */
export function planMany(runs: readonly (readonly string[])[]): Promise<Omit<Run, "ms">[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "test/planMany.ts"), JSON.stringify(runs)], { cwd: ROOT, env: PLAN_ENV });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`planMany exited ${code}: ${stderr}`));
      try {
        resolve(JSON.parse(stdout));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/**
 * The same command in this process (no process start-up, so dozens of bad inputs stay fast).
 * Use it for configurations that fail validation: the Pulumi runtime is per process, so a file
 * should run at most one valid plan in-process.
 */
export async function planInProcess(...args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const started = Date.now();
  const status = await planCommand(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { status, stdout, stderr, ms: Date.now() - started };
}

/** A scratch stack file: the dev (or another) stack with some lines replaced. */
export function stackFile(edit: (text: string) => string, source = "Pulumi.dev.yaml"): { file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-plan-"));
  const file = path.join(dir, "Pulumi.scratch.yaml");
  fs.writeFileSync(file, edit(fs.readFileSync(path.join(ROOT, source), "utf8")));
  return { file, dir };
}
