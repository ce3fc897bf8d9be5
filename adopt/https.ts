/**
 * The transport the command uses: Node's HTTPS client. Like the Go provider, it also trusts the
 * certificates in SSL_CERT_FILE when that is set (the emulator prints its CA file for this).
 */
import * as fs from "node:fs";
import * as https from "node:https";
import * as tls from "node:tls";
import type { HttpResponse, Transport } from "./client";

const TIMEOUT_MS = 30_000;

export function httpsTransport(env: Readonly<Record<string, string | undefined>> = process.env): Transport {
  const extra = env.SSL_CERT_FILE;
  const ca = extra ? [...tls.rootCertificates, fs.readFileSync(extra, "utf8")] : undefined;
  return (request) =>
    new Promise<HttpResponse>((resolve, reject) => {
      const req = https.request(request.url, { method: request.method, headers: request.headers, ...(ca && { ca }), timeout: TIMEOUT_MS }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const headers = Object.fromEntries(Object.entries(res.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]));
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString("utf8") });
        });
        res.on("error", reject);
      });
      req.on("timeout", () => req.destroy(new Error(`no answer from ${new URL(request.url).host} within ${TIMEOUT_MS / 1000}s`)));
      req.on("error", reject);
      req.end(request.body);
    });
}
