/**
 * Reads the go-vcr (format 2) recordings of terraform-provider-auth0 v1.53.0's acceptance tests
 * against real Auth0 tenants: each interaction's request (method, URL, body) and response (code,
 * body). Only Management API traffic is kept; the recorders redacted tokens and secrets.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

export const RECORDINGS_DIR = path.resolve(__dirname, "../../../shared/reference/auth0-recordings/recordings");

export interface Interaction {
  readonly id: number;
  readonly method: string;
  readonly url: URL;
  readonly body: string;
  readonly code: number;
  readonly responseBody: string;
}

interface RawInteraction {
  id: number;
  request: { method: string; url: string; body?: string | null };
  response: { code: number; body?: string | null };
}

export function recordingNames(): string[] {
  return fs
    .readdirSync(RECORDINGS_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

export function loadRecording(name: string): Interaction[] {
  const doc = parse(fs.readFileSync(path.join(RECORDINGS_DIR, `${name}.yaml`), "utf8")) as { interactions: RawInteraction[] };
  return doc.interactions.map((i) => ({
    id: i.id,
    method: i.request.method,
    url: new URL(i.request.url),
    body: (i.request.body ?? "").trim(),
    code: i.response.code,
    responseBody: (i.response.body ?? "").trim(),
  }));
}
