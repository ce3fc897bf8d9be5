/**
 * Server-made identifiers in the formats Auth0 uses (as seen in the recorded traffic):
 * resource servers get a 24-hex-digit object ID, clients a 32-character alphanumeric client ID,
 * Actions a UUID, log streams `lst_` and a zero-padded sequence number, and most other families
 * a type prefix with 16 or 22 alphanumerics (`con_…`, `cgr_…`, `org_…`, `cred_…`, `pro_…`).
 */
import { randomBytes, randomInt, randomUUID } from "node:crypto";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function alphanumeric(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}

/** `con_` + 16 alphanumerics, `cred_` + 22, …: the length follows the family. */
export function prefixed(prefix: string, length: 16 | 22): string {
  return `${prefix}_${alphanumeric(length)}`;
}

/** A MongoDB-style object ID: 4 bytes of seconds since the epoch, then 8 random bytes. */
export function objectId(now = Date.now()): string {
  const seconds = Math.floor(now / 1000).toString(16).padStart(8, "0");
  return seconds + randomBytes(8).toString("hex");
}

export function clientId(): string {
  return alphanumeric(32);
}

/** Client secrets are 64 characters of URL-safe base64 alphabet. */
export function clientSecret(): string {
  return randomBytes(48).toString("base64url");
}

export function uuid(): string {
  return randomUUID();
}

export function logStreamId(sequence: number): string {
  return `lst_${String(sequence).padStart(16, "0")}`;
}
