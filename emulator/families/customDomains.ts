/**
 * Custom domains: /custom-domains. A new domain waits in `pending_verification` with the DNS
 * record Auth0 asks for — a CNAME to the tenant's edge for Auth0-managed certificates, a TXT
 * record for self-managed ones — until POST …/verify. The emulator cannot see DNS: verify marks
 * the domain ready, as Auth0 does once the record resolves. `domain_metadata` merges on PATCH.
 */
import { conflict, invalidBody, notFound } from "../errors";
import { prefixed, uuid } from "../ids";
import { created, noContent, objectBody, ok, patch, requireString, timestamp, type RequestContext } from "../routes";
import type { Doc } from "../store";
import type { Family } from "./family";

const DOMAINS = "custom-domains";
const TYPES = ["auth0_managed_certs", "self_managed_certs"];

function mustFind(ctx: RequestContext, id: string): Doc {
  const found = id === "default" ? ctx.store.list(DOMAINS).find((d) => d.is_default === true) : ctx.store.get(DOMAINS, id);
  if (found === undefined) throw notFound("The custom domain does not exist", "inexistent_custom_domain");
  return found;
}

/** The tenant's name, as Auth0 uses it in edge host names (the first label of its domain). */
function tenantName(ctx: RequestContext): string {
  return ctx.tenant.domain.split(".")[0]!.split(":")[0]!;
}

function create(ctx: RequestContext) {
  const body = objectBody(ctx);
  const domain = requireString(body, "domain");
  const type = requireString(body, "type");
  if (!TYPES.includes(type)) throw invalidBody(`Payload validation error: 'No enum match for: "${type}"' on property type.`);
  if (ctx.store.list(DOMAINS).some((d) => d.domain === domain)) throw conflict("A custom domain with that name already exists", "custom_domain_conflict");
  const id = prefixed("cd", 16);
  const managed = type === "auth0_managed_certs";
  const method = managed
    ? { name: "CNAME", record: `${tenantName(ctx)}-cd-${id.slice(3).toLowerCase()}.edge.tenants.us.auth0.com`, domain }
    : { name: "TXT", record: uuid(), domain: `_cf-custom-hostname.${domain}` };
  const doc: Doc = {
    custom_domain_id: id,
    domain,
    primary: false,
    is_default: false,
    status: "pending_verification",
    type,
    verification: { methods: [method] },
    ...(managed ? { tls_policy: "recommended" } : { custom_client_ip_header: null }),
    ...body,
    created_at: timestamp(ctx),
  };
  return created(ctx.store.put(DOMAINS, id, doc));
}

function update(ctx: RequestContext) {
  const current = mustFind(ctx, ctx.params.id!);
  const body = objectBody(ctx);
  for (const fixed of ["domain", "type"]) if (fixed in body) throw invalidBody(`Payload validation error: 'Additional properties not allowed: ${fixed}'.`);
  return ok(ctx.store.put(DOMAINS, current.custom_domain_id as string, patch(current, body, ["domain_metadata"])));
}

function verify(ctx: RequestContext) {
  const current = mustFind(ctx, ctx.params.id!);
  const verified: Doc = { ...current, status: "ready", verification: { ...(current.verification as Doc), status: "verified", last_verified_at: timestamp(ctx).replace(/\.\d+Z$/, "Z") } };
  return created(ctx.store.put(DOMAINS, current.custom_domain_id as string, verified));
}

/** PATCH /custom-domains/default {domain}: only a verified domain can become the default. */
function setDefault(ctx: RequestContext) {
  const body = objectBody(ctx);
  const domain = requireString(body, "domain");
  const target = ctx.store.list(DOMAINS).find((d) => d.domain === domain);
  if (target === undefined || target.status !== "ready") throw invalidBody("The domain must be verified before it can be set as default.");
  for (const d of ctx.store.list(DOMAINS)) if (d.is_default === true) ctx.store.put(DOMAINS, d.custom_domain_id as string, { ...d, is_default: false, primary: false });
  return ok(ctx.store.put(DOMAINS, target.custom_domain_id as string, { ...target, is_default: true, primary: true }));
}

export const customDomains: Family = {
  routes(r) {
    r.on("GET", "/custom-domains", (ctx) => ok(ctx.store.list(DOMAINS)));
    r.on("POST", "/custom-domains", create);
    r.on("PATCH", "/custom-domains/default", setDefault);
    r.on("GET", "/custom-domains/:id", (ctx) => ok(mustFind(ctx, ctx.params.id!)));
    r.on("PATCH", "/custom-domains/:id", update);
    r.on("POST", "/custom-domains/:id/verify", verify);
    r.on("DELETE", "/custom-domains/:id", (ctx) => {
      ctx.store.delete(DOMAINS, mustFind(ctx, ctx.params.id!).custom_domain_id as string);
      return noContent;
    });
  },
};
