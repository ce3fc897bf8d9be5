/**
 * What Auth0 derives from a PEM certificate it is given: the RFC 7638 JWK thumbprint (a
 * credential's `kid`, a token-encryption key's `thumbprint_sha256`), the SHA-256 of the DER (an
 * x509_cert credential's `thumbprint_sha256`), its subject DN and its expiry.
 */
import { X509Certificate, createHash, createPublicKey, type KeyObject } from "node:crypto";
import { invalidBody } from "./errors";

export function certificate(pem: string, field: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch {
    throw invalidBody(`Payload validation error: '${field}' is not a valid PEM certificate.`);
  }
}

/** A certificate's public key, or a bare public key (`BEGIN PUBLIC KEY`), which Auth0 also takes. */
export function publicKey(pem: string, field: string): KeyObject {
  if (pem.includes("BEGIN CERTIFICATE")) return certificate(pem, field).publicKey;
  try {
    return createPublicKey(pem);
  } catch {
    throw invalidBody(`Payload validation error: '${field}' is not a valid PEM certificate or public key.`);
  }
}

export function jwkThumbprint(key: KeyObject): string {
  const jwk = key.export({ format: "jwk" });
  const members = jwk.kty === "EC" ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  return createHash("sha256").update(JSON.stringify(members)).digest("base64url");
}

export function derThumbprint(cert: X509Certificate): string {
  return createHash("sha256").update(cert.raw).digest("base64url");
}

export function expiry(cert: X509Certificate): string {
  return new Date(cert.validTo).toISOString();
}
