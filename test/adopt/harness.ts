/** Runs `npm run adopt` in-process against an in-process emulator, into a scratch project directory. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll } from "vitest";
import { adoptCommand } from "../../cli/adopt";
import type { Transport } from "../../adopt/client";
import { createApp, type App } from "../../emulator/app";

export const ROOT = path.resolve(__dirname, "../..");
export const CLIENT = { id: "adopter-client-id", secret: "adopter-client-secret-value" };

/** The emulator app, answering as the tenant `domain`, with the adopter's client credentials. */
export function tenantApp(domain: string): App {
  return createApp({ domain, clientId: CLIENT.id, clientSecret: CLIENT.secret });
}

/** Every request the transport carried, for the read-only assertions. */
export function inProcessTransport(app: App, seen: { method: string; url: string }[] = []): Transport {
  return async (request) => {
    seen.push({ method: request.method, url: request.url });
    const url = new URL(request.url);
    const res = app.handle({ method: request.method, url: url.pathname + url.search, headers: request.headers, body: request.body ?? "" });
    return { status: res.status, headers: res.headers, body: res.body ?? "" };
  };
}

const scratch: string[] = [];
// Registered on the suite of whichever test file imports this module.
afterAll(() => {
  for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A scratch project directory holding copies of the repository's Action sources and email bodies; removed after the file's tests. */
export function scratchProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-adopt-"));
  scratch.push(dir);
  for (const folder of ["actions", "emails"]) fs.cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
  return dir;
}

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runAdopt(args: readonly string[], options: { app: App; dir: string; seen?: { method: string; url: string }[]; env?: Record<string, string> }): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } };
  const code = await adoptCommand(args, io, {
    projectDir: options.dir,
    env: options.env ?? { AUTH0_CLIENT_ID: CLIENT.id, AUTH0_CLIENT_SECRET: CLIENT.secret },
    transport: inProcessTransport(options.app, options.seen),
  });
  return { code, stdout, stderr };
}
