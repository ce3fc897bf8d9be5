/**
 * Stable keys from Auth0 names. A key becomes a Pulumi resource name, so it must not depend on
 * the order Auth0 lists things in: objects are sorted by name (then by ID) before a repeated slug
 * gets its `-2`, `-3` suffix.
 */
import { KEY_PATTERN, SECRET_KEY_PATTERN } from "../config/schema/common";

const MAX_KEY = 63;

/** `Username-Password-Authentication` → `username-password-authentication`; `fallback` when nothing is left. */
export function slug(name: string, fallback: string): string {
  let text = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!/^[a-z]/.test(text)) text = text === "" ? fallback : `${fallback}-${text}`;
  return text.slice(0, MAX_KEY).replace(/-+$/, "");
}

/** Keys for items, by each item's ID; the same names always get the same keys. */
export function assignKeys<T>(items: readonly T[], name: (item: T) => string, id: (item: T) => string, fallback: string): Map<string, string> {
  const sorted = [...items].sort((a, b) => compare(name(a), name(b)) || compare(id(a), id(b)));
  const taken = new Set<string>();
  const keys = new Map<string, string>();
  for (const item of sorted) {
    const base = slug(name(item), fallback);
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base.slice(0, MAX_KEY - String(n).length - 1)}-${n}`;
    if (!KEY_PATTERN.test(key)) throw new Error(`internal: derived key ${key} is not a valid key`);
    taken.add(key);
    keys.set(id(item), key);
  }
  return keys;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `google-oauth2` + `clientSecret` → `googleOauth2ClientSecret`: a secret config key. */
export function camelKey(...parts: readonly string[]): string {
  const words = parts.flatMap((part) => part.replace(/([a-z0-9])([A-Z])/g, "$1-$2").split(/[^A-Za-z0-9]+/)).filter(Boolean);
  const key = words.map((word, index) => (index === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase())).join("");
  const safe = /^[a-z]/.test(key) ? key : `secret${key[0]?.toUpperCase() ?? ""}${key.slice(1)}`;
  if (!SECRET_KEY_PATTERN.test(safe)) throw new Error(`internal: derived secret key ${safe} is not a valid key`);
  return safe;
}
