/** A small HTTPS client for the emulator tests: trusts only the emulator's own CA file. */
import * as fs from "node:fs";
import * as https from "node:https";

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export function request(caFile: string, port: number, method: string, path: string, options: { body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request({ host: "127.0.0.1", port, method, path, ca: fs.readFileSync(caFile), headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

export async function token(caFile: string, port: number, clientId: string, clientSecret: string): Promise<string> {
  const body = new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret, audience: `https://127.0.0.1:${port}/api/v2/` }).toString();
  const answer = await request(caFile, port, "POST", "/oauth/token", { body, headers: { "content-type": "application/x-www-form-urlencoded" } });
  return (JSON.parse(answer.body) as { access_token: string }).access_token;
}
