import { spawn } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { emulatorCommand, parseEmulatorArgs } from "../../cli/emulator";
import { token } from "./https";

const ROOT = path.resolve(__dirname, "../..");

function buffers() {
  let out = "";
  let err = "";
  return { io: { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } }, out: () => out, err: () => err };
}

describe("npm run emulator", () => {
  it.each([
    [["--port", "99999"], "--port: 99999 is not a port number; use 1-65535 (or 0 for any free port)"],
    [["--tier", "gold"], "--tier: gold is not a plan tier; use one of free, essentials, professional, enterprise, enterprise-nonprod"],
    [["--faults", "drop=2"], "--faults: drop is a share of requests between 0 and 1, got 2"],
  ])("exits 2 on %j, naming the option and the fix", async (argv, message) => {
    const b = buffers();
    expect(await emulatorCommand(argv, b.io)).toBe(2);
    expect(b.err().split("\n")[0]).toBe(message);
    expect(b.out()).toBe("");
  });

  it("reads its options", () => {
    expect(parseEmulatorArgs(["--port", "0", "--tier", "enterprise", "--state", "t.json", "--faults", "latency=10"])).toEqual({
      port: 0,
      tier: "enterprise",
      stateFile: "t.json",
      faults: { latencyMs: 10, errorShare: 0, dropShare: 0 },
    });
  });

  it("starts, prints the provider settings, answers POST /oauth/token, and stops cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/emulator.ts", "--port", "0"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no settings printed: ${out}`)), 20_000);
      child.stdout.on("data", () => out.includes("Ctrl-C stops it.") && (clearTimeout(timer), resolve()));
    });
    const domain = /pulumi config set auth0:domain (127\.0\.0\.1:\d+)/.exec(out)![1]!;
    const clientId = /auth0:clientId (\S+)/.exec(out)![1]!;
    const clientSecret = /auth0:clientSecret (\S+)/.exec(out)![1]!;
    const caFile = /SSL_CERT_FILE=(\S+)/.exec(out)![1]!;
    expect(out).toMatch(/Request log: \S+requests\.jsonl/);
    const bearer = await token(caFile, Number(domain.split(":")[1]), clientId, clientSecret);
    expect(bearer.length).toBeGreaterThan(20);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(out).toContain("SIGTERM: stopping the emulator");
  });
});
