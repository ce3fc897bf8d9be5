/**
 * Auth0's list shapes. Offset pagination (`page`, `per_page`, `include_totals`): a bare array, or
 * `{<key>: [...], start, limit, total}` with totals. Checkpoint pagination (`from`, `take`, on
 * the endpoints that offer it — connections, organization members, role users): `{<key>: [...]}`
 * plus `next` (an opaque cursor) while more remain; a `take` wins over `page`, as in Auth0.
 */
import { ApiError } from "./errors";

const MAX_PER_PAGE = 100;

function intParam(query: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ApiQueryError(`Query validation error: '${name}' must be a non-negative integer`);
  return Math.min(n, max);
}

class ApiQueryError extends Error {}

function parse<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ApiQueryError) throw invalidQuery(e.message);
    throw e;
  }
}

function invalidQuery(message: string): ApiError {
  return new ApiError(400, message, "invalid_query_string");
}

/** page/per_page/include_totals over the whole list. */
export function offsetPage<T>(items: readonly T[], query: URLSearchParams, key: string): unknown {
  const { page, perPage } = parse(() => ({ page: intParam(query, "page", 0, Number.MAX_SAFE_INTEGER), perPage: intParam(query, "per_page", 50, MAX_PER_PAGE) }));
  const start = page * perPage;
  const slice = items.slice(start, start + perPage);
  if (query.get("include_totals") !== "true") return slice;
  return { [key]: slice, start, limit: perPage, total: items.length };
}

/** from/take when `take` or `from` is present, else offset pagination. */
export function checkpointOrOffset<T>(items: readonly T[], query: URLSearchParams, key: string): unknown {
  if (!query.has("take") && !query.has("from")) return offsetPage(items, query, key);
  const { from, take } = parse(() => ({ from: decodeCursor(query.get("from")), take: intParam(query, "take", 50, MAX_PER_PAGE) }));
  const slice = items.slice(from, from + take);
  const next = from + take < items.length ? { next: encodeCursor(from + take) } : {};
  return { [key]: slice, ...next };
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString("base64url");
}

function decodeCursor(raw: string | null): number {
  if (raw === null || raw === "") return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(raw, "base64url").toString());
  if (match === null) throw new ApiQueryError("Query validation error: 'from' is not a checkpoint this server issued");
  return Number(match[1]);
}
