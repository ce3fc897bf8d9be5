/**
 * Reading Management API answers: Auth0's JSON is untyped, and a field that is absent, null or of
 * another type than expected reads as undefined, so every mapping states its own fallback.
 */
export type Json = Record<string, unknown>;

export function obj(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function bool(value: unknown): boolean | undefined {
  return typeof value === "boolean" ? value : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function strings(value: unknown): string[] {
  return list(value).filter((item): item is string => typeof item === "string");
}

export function objects(value: unknown): Json[] {
  return list(value).flatMap((item) => (obj(item) === undefined ? [] : [item as Json]));
}

/** Same members, ignoring order and repeats: set-like lists are compared this way. */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((item) => y.has(item));
}

/** A table's entry for a name Auth0 sent; never one of Object's own members (`constructor`, …). */
export function lookup<T>(table: Readonly<Record<string, T>>, name: string | undefined): T | undefined {
  return name !== undefined && Object.hasOwn(table, name) ? table[name] : undefined;
}

/** `pre_login_prompt` → `pre-login-prompt`: Auth0's enum spelling to the stack file's. */
export function kebab(value: string): string {
  return value.replace(/_/g, "-");
}
