/**
 * The emulator as a server: HTTPS on 127.0.0.1 only, a certificate made at start (its CA file
 * written to the emulator's own temporary directory, never the repository or ~/.pulumi), bounded
 * request bodies, faults on demand, the request log, and state loaded from and saved to
 * `--state`. Everything about Auth0 itself is in app.ts and the families.
 */
import * as fs from "node:fs";
import * as https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createApp } from "./app";
import { makeCertificate } from "./certificate";
import { ApiError } from "./errors";
import { decideFault, NO_FAULTS, type Faults } from "./faults";
import { alphanumeric, clientSecret as makeSecret } from "./ids";
import { pathOnly, RequestLog } from "./requestLog";
import { loadState, saveState } from "./stateFile";
import { DEFAULT_MAX_STATE_BYTES, Store } from "./store";
import type { Tier } from "./tiers";

export const HOST = "127.0.0.1";
/** hapi's default, which the Management API shares. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface EmulatorOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly tier?: Tier;
  readonly faults?: Faults;
  readonly stateFile?: string;
  /** Where the request log goes; `<dir>/requests.jsonl` when absent. */
  readonly logFile?: string;
  /** The emulator's working directory (CA file, default log); a new temporary one when absent. */
  readonly dir?: string;
  readonly maxBodyBytes?: number;
  readonly maxStateBytes?: number;
  /** For tests: the dice behind the fault shares. */
  readonly random?: () => number;
}

export interface Emulator {
  readonly port: number;
  /** What `auth0:domain` must be set to. */
  readonly domain: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The certificate to trust: `SSL_CERT_FILE=<caFile>`. */
  readonly caFile: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | undefined): void {
  res.writeHead(status, body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) });
  res.end(body);
}

function errorResponse(error: ApiError): { status: number; headers: Record<string, string>; body: string } {
  return { status: error.statusCode, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(error.body()) };
}

/** Reads the body up to the limit; undefined when it is larger (the caller answers 413). */
async function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "auth0-emulator-"));
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxState = options.maxStateBytes ?? DEFAULT_MAX_STATE_BYTES;
  const faults = options.faults ?? NO_FAULTS;
  const random = options.random ?? Math.random;
  const store = (options.stateFile === undefined ? undefined : loadState(options.stateFile, maxState)) ?? new Store(maxState);
  const certificate = await makeCertificate();
  const caFile = path.join(dir, "ca.pem");
  fs.writeFileSync(caFile, certificate.cert, { mode: 0o644 });
  const log = new RequestLog(options.logFile ?? path.join(dir, "requests.jsonl"));
  const clientId = alphanumeric(32);
  const clientSecret = makeSecret();
  const server = https.createServer({ key: certificate.key, cert: certificate.cert });

  let app: ReturnType<typeof createApp> | undefined;

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = req.method ?? "GET";
    const target = req.url ?? "/";
    const requestPath = pathOnly(target);
    const decision = requestPath.startsWith("/api/v2/") ? decideFault(faults, random) : "answer";
    const done = (status: number | null, fault?: "error" | "drop") =>
      log.write({ time: new Date().toISOString(), method, path: requestPath, status, durationMs: Math.round(performance.now() - started), ...(fault ? { fault } : {}) });
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (decision === "drop") {
      req.socket.destroy();
      done(null, "drop");
      return;
    }
    const body = await readBody(req, maxBody);
    let response;
    if (body === undefined) {
      response = errorResponse(new ApiError(413, `Payload content length greater than maximum allowed: ${maxBody}`));
      res.setHeader("connection", "close");
    } else if (decision === "error") {
      response = errorResponse(new ApiError(503, "The emulator injected this fault (--faults 5xx)", "service_unavailable"));
    } else {
      try {
        response = app!.handle({ method, url: target, headers: req.headers, body });
      } catch (e) {
        process.stderr.write(`emulator: ${method} ${requestPath} failed: ${(e as Error).stack ?? String(e)}\n`);
        response = errorResponse(new ApiError(500, "Internal error in the emulator; see its stderr", "internal_error"));
      }
    }
    send(res, response.status, response.headers, response.body);
    done(response.status, decision === "error" ? "error" : undefined);
  }

  server.on("request", (req, res) => void onRequest(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const domain = `${HOST}:${port}`;
  app = createApp({ domain, clientId, clientSecret, store, ...(options.tier ? { tier: options.tier } : {}) });
  const liveApp = app;

  let stopped: Promise<void> | undefined;
  return {
    port,
    domain,
    clientId,
    clientSecret,
    caFile,
    logFile: log.file,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => {
        if (options.stateFile !== undefined) saveState(options.stateFile, liveApp.store);
        log.close();
      });
      return stopped;
    },
  };
}
