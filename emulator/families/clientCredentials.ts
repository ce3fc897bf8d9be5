/**
 * Client credentials: /clients/{id}/credentials — the public keys and certificates behind
 * private_key_jwt and mTLS client authentication. Auth0 keeps what it derives from the PEM (the
 * key ID, thumbprint, subject DN and expiry), never the PEM itself, and lists newest first.
 */
import { invalidBody, notFound } from "../errors";
import { prefixed } from "../ids";
import { certificate, derThumbprint, expiry, jwkThumbprint, publicKey } from "../keys";
import { created, noContent, objectBody, ok, requireString, timestamp, type RequestContext } from "../routes";
import type { Doc } from "../store";
import { CLIENT_CREDENTIALS, mustFindClient } from "./clients";
import type { Family } from "./family";

const COLLECTION = CLIENT_CREDENTIALS;

const MISSING_PEM = "Payload validation error: 'Missing required property: pem'.";

function derived(body: Doc): Doc {
  const type = requireString(body, "credential_type");
  const pem = typeof body.pem === "string" ? body.pem : undefined;
  switch (type) {
    case "public_key":
      if (pem === undefined) throw invalidBody(MISSING_PEM);
      return { credential_type: type, kid: jwkThumbprint(publicKey(pem, "pem")), alg: typeof body.alg === "string" ? body.alg : "RS256" };
    case "x509_cert":
      if (pem === undefined) throw invalidBody(MISSING_PEM);
      return { credential_type: type, thumbprint_sha256: derThumbprint(certificate(pem, "pem")) };
    case "cert_subject_dn": {
      const subject = pem === undefined ? body.subject_dn : certificate(pem, "pem").subject;
      if (typeof subject !== "string") throw invalidBody("Payload validation error: 'Missing required property: subject_dn'.");
      return { credential_type: type, subject_dn: subject };
    }
    default:
      throw invalidBody(`Payload validation error: 'No enum match for: "${type}"' on property credential_type.`);
  }
}

function create(ctx: RequestContext) {
  const client = mustFindClient(ctx, ctx.params.clientId!);
  const body = objectBody(ctx);
  const cert = typeof body.pem === "string" && body.pem.includes("BEGIN CERTIFICATE") && body.credential_type !== "cert_subject_dn" ? certificate(body.pem, "pem") : undefined;
  const now = timestamp(ctx);
  const id = prefixed("cred", 22);
  const expires = typeof body.expires_at === "string" ? new Date(body.expires_at).toISOString() : cert !== undefined ? expiry(cert) : undefined;
  const doc: Doc = { id, ...derived(body), name: typeof body.name === "string" ? body.name : "", created_at: now, updated_at: now, ...(expires === undefined ? {} : { expires_at: expires }) };
  ctx.store.put(COLLECTION, id, { ...doc, client_id: client.client_id as string });
  return created(doc);
}

function find(ctx: RequestContext): Doc {
  mustFindClient(ctx, ctx.params.clientId!);
  const doc = ctx.store.get(COLLECTION, ctx.params.id!);
  if (doc === undefined || doc.client_id !== ctx.params.clientId) throw notFound("The credential does not exist", "inexistent_credential");
  return doc;
}

/** Auth0 lists a client's credentials in key-ID order (as every recorded listing shows), not by age. */
function byKey(a: Doc, b: Doc): number {
  const key = (d: Doc) => String(d.kid ?? d.thumbprint_sha256 ?? d.subject_dn ?? d.id);
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

function present(doc: Doc): Doc {
  const { client_id: _client, ...rest } = doc;
  return rest;
}

function update(ctx: RequestContext) {
  const current = find(ctx);
  const body = objectBody(ctx);
  if (Object.keys(body).some((k) => k !== "expires_at")) throw invalidBody("Payload validation error: 'Additional properties not allowed: " + Object.keys(body).filter((k) => k !== "expires_at").join(",") + "'.");
  const next: Doc = { ...current, updated_at: timestamp(ctx) };
  if (typeof body.expires_at === "string") next.expires_at = new Date(body.expires_at).toISOString();
  return ok(present(ctx.store.put(COLLECTION, current.id as string, next)));
}

export const clientCredentials: Family = {
  routes(r) {
    r.on("GET", "/clients/:clientId/credentials", (ctx) => {
      mustFindClient(ctx, ctx.params.clientId!);
      return ok(ctx.store.list(COLLECTION).filter((c) => c.client_id === ctx.params.clientId).sort(byKey).map(present));
    });
    r.on("POST", "/clients/:clientId/credentials", create);
    r.on("GET", "/clients/:clientId/credentials/:id", (ctx) => ok(present(find(ctx))));
    r.on("PATCH", "/clients/:clientId/credentials/:id", update);
    r.on("DELETE", "/clients/:clientId/credentials/:id", (ctx) => {
      ctx.store.delete(COLLECTION, find(ctx).id as string);
      return noContent;
    });
  },
};
