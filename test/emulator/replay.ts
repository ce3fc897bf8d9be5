/**
 * Replays a recording against a fresh emulator and compares what it answers with what Auth0
 * answered: the status code, then the body — the same keys, the same JSON types, and the same
 * values, once the IDs Auth0 made are mapped to the ones the emulator made (learnt from each
 * response as the replay goes: a recorded `id`/`*_id` that differs from the emulator's at the same
 * place becomes a mapping, applied to every later request and expected value).
 *
 * What may differ is declared, never inferred: VOLATILE fields (values no two Auth0 responses
 * share either, compared by type and form only) and EXPLAINED interactions (a reason per
 * recording and interaction). An explanation that is no longer needed is reported too.
 */
import { createApp } from "../../emulator/app";
import { loadRecording } from "./recordings";

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Fields whose value is made fresh by Auth0 on every write: compared by form, not value. */
export interface Volatile {
  readonly form: "timestamp" | "string" | "number";
  readonly reason: string;
}

export interface Explanation {
  readonly interactions: readonly number[] | "all";
  readonly reason: string;
}

/** An ID the recorders redacted, and the request that finds the object it stood for. */
export interface RedactedId {
  readonly find: string;
  readonly reason: string;
}

export interface Departures {
  readonly redactedIds: Readonly<Record<string, RedactedId>>;
  /** Set-like arrays Auth0 answers in no particular order: compared as sets. */
  readonly unordered: Readonly<Record<string, string>>;
  readonly volatile: Readonly<Record<string, Volatile>>;
  readonly explained: Readonly<Record<string, readonly Explanation[]>>;
}

export type Outcome =
  | { readonly id: number; readonly kind: "matched" }
  | { readonly id: number; readonly kind: "explained"; readonly reason: string }
  | { readonly id: number; readonly kind: "unmatched"; readonly request: string; readonly diffs: readonly string[] }
  | { readonly id: number; readonly kind: "needless-explanation"; readonly reason: string };

const CLIENT = { id: "conformance-client", secret: "conformance-secret" };
const ID_KEY = /(^|_)id$/;

class IdMap {
  private readonly map = new Map<string, string>();

  learn(recorded: string, actual: string): void {
    if (recorded !== actual && recorded.length >= 8 && !this.map.has(recorded)) this.map.set(recorded, actual);
  }

  apply(text: string): string {
    let out = text;
    for (const [from, to] of [...this.map].sort((a, b) => b[0].length - a[0].length)) {
      out = out.split(from).join(to).split(encodeURIComponent(from)).join(encodeURIComponent(to));
    }
    return out;
  }
}

function typeOf(v: JsonValue | undefined): string {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}

function isTimestamp(v: unknown): boolean {
  return typeof v === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v) && !Number.isNaN(Date.parse(v));
}

/** Walks both bodies in step: learns ID mappings, then collects every difference. */
function compare(recorded: JsonValue | undefined, actual: JsonValue | undefined, at: string, key: string, ids: IdMap, departures: Departures, diffs: string[]): void {
  const volatile = departures.volatile;
  if (typeof recorded === "string" && typeof actual === "string" && ID_KEY.test(key)) ids.learn(recorded, actual);
  const rule = volatile[key];
  if (rule !== undefined && recorded !== undefined && actual !== undefined) {
    const fits = rule.form === "timestamp" ? isTimestamp(actual) && isTimestamp(recorded) : typeof actual === rule.form && typeof recorded === rule.form;
    if (!fits) diffs.push(`${at}: expected a ${rule.form} like ${JSON.stringify(recorded)}, got ${JSON.stringify(actual)}`);
    return;
  }
  if (recorded === "[REDACTED]") {
    if (typeof actual !== "string") diffs.push(`${at}: expected a string (redacted in the recording), got ${JSON.stringify(actual)}`);
    return;
  }
  if (typeOf(recorded) !== typeOf(actual)) {
    diffs.push(`${at}: expected ${typeOf(recorded)} ${JSON.stringify(recorded)?.slice(0, 200)}, got ${typeOf(actual)} ${JSON.stringify(actual)?.slice(0, 200)}`);
    return;
  }
  if (Array.isArray(recorded) && Array.isArray(actual) && departures.unordered[key] !== undefined && [...recorded, ...actual].every((v) => typeof v !== "object")) {
    const sorted = (a: JsonValue[]) => JSON.stringify(a.map((v) => (typeof v === "string" ? ids.apply(v) : v)).sort());
    if (sorted(recorded) !== sorted(actual)) diffs.push(`${at}: expected the set ${JSON.stringify(recorded)}, got ${JSON.stringify(actual)}`);
    return;
  }
  if (Array.isArray(recorded) && Array.isArray(actual)) {
    if (recorded.length !== actual.length) diffs.push(`${at}: expected ${recorded.length} items, got ${actual.length}: ${JSON.stringify(actual).slice(0, 300)}`);
    recorded.forEach((r, i) => i < actual.length && compare(r, actual[i], `${at}[${i}]`, key, ids, departures, diffs));
    return;
  }
  if (typeof recorded === "object" && recorded !== null && typeof actual === "object" && actual !== null && !Array.isArray(actual)) {
    const r = recorded as Record<string, JsonValue>;
    for (const k of Object.keys(r)) {
      if (!(k in actual)) diffs.push(`${at}.${k}: missing (recorded ${JSON.stringify(r[k]).slice(0, 200)})`);
      else compare(r[k], actual[k], `${at}.${k}`, k, ids, departures, diffs);
    }
    for (const k of Object.keys(actual)) if (!(k in r)) diffs.push(`${at}.${k}: not in the recording (emulator sent ${JSON.stringify(actual[k]).slice(0, 200)})`);
    return;
  }
  const expected = typeof recorded === "string" ? ids.apply(recorded) : recorded;
  if (expected !== actual) diffs.push(`${at}: expected ${JSON.stringify(expected)?.slice(0, 200)}, got ${JSON.stringify(actual)?.slice(0, 200)}`);
}

function parseBody(text: string | undefined): JsonValue | undefined {
  if (text === undefined || text === "") return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

function explanationFor(departures: Departures, recording: string, id: number): string | undefined {
  return departures.explained[recording]?.find((e) => e.interactions === "all" || e.interactions.includes(id))?.reason;
}

export function replay(recording: string, departures: Departures): Outcome[] {
  const interactions = loadRecording(recording);
  const host = interactions[0]?.url.host ?? "tenant.example";
  const app = createApp({ domain: host, clientId: CLIENT.id, clientSecret: CLIENT.secret });
  const token = app.issueToken();
  const ids = new IdMap();
  for (const [redacted, { find }] of Object.entries(departures.redactedIds)) {
    const found = app.handle({ method: "GET", url: find.replace("{domain}", encodeURIComponent(host)), headers: { authorization: `Bearer ${token}` }, body: "" });
    if (found.status === 200) ids.learn(redacted, (JSON.parse(found.body ?? "{}") as { id: string }).id);
  }
  return interactions.map((interaction): Outcome => {
    const url = ids.apply(interaction.url.pathname + interaction.url.search);
    const response = app.handle({ method: interaction.method, url, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: ids.apply(interaction.body) });
    const diffs: string[] = [];
    if (response.status !== interaction.code) diffs.push(`status: expected ${interaction.code}, got ${response.status} ${response.body?.slice(0, 300) ?? ""}`);
    compare(parseBody(interaction.responseBody), parseBody(response.body), "body", "", ids, departures, diffs);
    const reason = explanationFor(departures, recording, interaction.id);
    if (diffs.length === 0) return reason === undefined ? { id: interaction.id, kind: "matched" } : { id: interaction.id, kind: "needless-explanation", reason };
    if (reason !== undefined) return { id: interaction.id, kind: "explained", reason };
    return { id: interaction.id, kind: "unmatched", request: `${interaction.method} ${url}`, diffs };
  });
}
