/**
 * What a resource family module provides: handlers for (method, path) pairs under /api/v2, each
 * a plain function of the request context to a reply. Families share the store and these helpers
 * and nothing else.
 */
import { invalidBody } from "./errors";
import type { Doc, Json, Store } from "./store";

export interface TenantInfo {
  /** The host the provider talks to, e.g. `127.0.0.1:4443`: Auth0 builds URLs from it. */
  readonly domain: string;
}

export interface RequestContext {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The parsed JSON body; undefined when the request had none. */
  readonly body: unknown;
  readonly store: Store;
  readonly tenant: TenantInfo;
  readonly now: () => Date;
}

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
}

export type Handler = (ctx: RequestContext) => Reply;

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface RouteTable {
  on(method: Method, path: string, handler: Handler): void;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });
export const noContent: Reply = { status: 204 };

/** The body as a JSON object, or Auth0's 400 for anything else. */
export function objectBody(ctx: RequestContext): Doc {
  const body = ctx.body ?? {};
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalidBody("Payload validation error: 'Expected type object but found type " + (Array.isArray(body) ? "array" : typeof body) + "'.");
  return body as Doc;
}

export function requireString(body: Doc, key: string): string {
  const value = body[key];
  if (value === undefined || value === null) throw invalidBody(`Payload validation error: 'Missing required property: ${key}'.`);
  if (typeof value !== "string") throw invalidBody(`Payload validation error: 'Expected type string but found type ${Array.isArray(value) ? "array" : typeof value}' on property ${key}.`);
  return value;
}

/**
 * Auth0's PATCH: top-level keys replace what was there, a null removes the key, and the objects a
 * family names (metadata and the like) are merged recursively instead.
 */
export function patch(doc: Doc, changes: Doc, deepKeys: readonly string[] = []): Doc {
  const out: Doc = { ...doc };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete out[key];
    else if (deepKeys.includes(key) && isObject(value)) out[key] = deepMerge(isObject(out[key]) ? out[key] : {}, value);
    else out[key] = value;
  }
  return out;
}

/** A recursive merge in which a null removes the key: how Auth0 patches metadata-like objects. */
export function deepMerge(current: Doc, changes: Doc): Doc {
  const out: Doc = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete out[key];
    else if (isObject(value) && isObject(out[key])) out[key] = deepMerge(out[key] as Doc, value);
    else if (isObject(value)) out[key] = deepMerge({}, value);
    else out[key] = value;
  }
  return out;
}

export function isObject(value: unknown): value is Doc {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A fresh deep copy, so stored defaults and stored documents never share structure. */
export function clone<T extends Json>(value: T): T {
  return structuredClone(value);
}

export function timestamp(ctx: RequestContext): string {
  return ctx.now().toISOString();
}
