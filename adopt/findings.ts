/**
 * What the mappings learn besides the stack file: what stays unmanaged, what the first `pulumi up`
 * will change because the schema cannot say it exactly, and which secret config keys the user must
 * set. Every entry carries the config path it concerns.
 */
import { camelKey } from "./keys";

export interface Finding {
  /** A config path (`auth0kit:applications.default-app`), or where the entry would have gone. */
  readonly path: string;
  readonly message: string;
}

export interface SecretToSet {
  /** The secret config key, without the `auth0kit:` namespace. */
  readonly key: string;
  /** Where the stack file references it. */
  readonly path: string;
  /** What the value is, so the user knows where to find it. */
  readonly what: string;
}

/** Collects findings across mappings and hands out unique secret keys. */
export class Findings {
  readonly unmanaged: Finding[] = [];
  readonly changes: Finding[] = [];
  readonly notes: Finding[] = [];
  readonly secrets: SecretToSet[] = [];
  private readonly secretKeys = new Set<string>();

  /** Found in the tenant, not expressible in the schema: it stays as it is, unmanaged. */
  unmanage(path: string, message: string): void {
    this.unmanaged.push({ path, message });
  }

  /** Adopted, but the first `pulumi up` changes this in Auth0. */
  change(path: string, message: string): void {
    this.changes.push({ path, message });
  }

  /** Worth knowing, changes nothing (e.g. a setting auth0kit leaves as it is). */
  note(path: string, message: string): void {
    this.notes.push({ path, message });
  }

  /** A `{ secret: <key> }` reference for a value Auth0 holds, to be set by the user. */
  secret(path: string, what: string, ...keyParts: string[]): { secret: string } {
    const base = camelKey(...keyParts);
    let key = base;
    for (let n = 2; this.secretKeys.has(key); n++) key = `${base}${n}`;
    this.secretKeys.add(key);
    this.secrets.push({ key, path, what });
    return { secret: key };
  }
}
