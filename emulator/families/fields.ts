/**
 * `?fields=a,b&include_fields=true|false`: the projection several GET endpoints accept. `always`
 * names what Auth0 returns regardless (a client's signing_keys).
 */
import type { Doc } from "../store";

export function selectFields(doc: Doc, query: URLSearchParams, always: readonly string[] = []): Doc {
  const fields = query.get("fields");
  if (fields === null || fields === "") return doc;
  const names = new Set([...fields.split(",").map((f) => f.trim()), ...always]);
  const include = query.get("include_fields") !== "false";
  return Object.fromEntries(Object.entries(doc).filter(([k]) => names.has(k) === include));
}
