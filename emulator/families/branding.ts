/**
 * Branding: /branding (one document; colors as the recorded tenant had them), the Universal Login
 * page template (/branding/templates/universal-login: 404 until set), and phone providers
 * (/branding/phone/providers, whose credentials are write-only).
 */
import { ApiError, notFound } from "../errors";
import { prefixed } from "../ids";
import { created, isObject, noContent, objectBody, ok, patch, requireString, timestamp, type RequestContext } from "../routes";
import type { Doc } from "../store";
import type { Family } from "./family";
import { singletonHandlers } from "./singletons";

const TEMPLATE = "branding/universal-login";
const PHONE_PROVIDERS = "phone-providers";

const branding = singletonHandlers("branding", { colors: { page_background: "#FF4F40", primary: "#2A2E35" } }, ["colors", "font"]);

function phoneProvider(ctx: RequestContext): Doc {
  const found = ctx.store.get(PHONE_PROVIDERS, ctx.params.id!);
  if (found === undefined) throw notFound("Phone provider not found", "inexistent_phone_provider");
  return found;
}

function presentProvider(doc: Doc): Doc {
  const { credentials: _credentials, ...rest } = doc;
  return rest;
}

/** Twilio sends from a number or a messaging service: one of them must be configured. */
function validateProvider(body: Doc): void {
  const config = isObject(body.configuration) ? body.configuration : {};
  if (body.name === "twilio" && config.default_from === undefined && config.mssid === undefined) throw new ApiError(400, "Bad Operation on Notification Resource");
}

export const brandingFamily: Family = {
  routes(r) {
    r.on("GET", "/branding", branding.get);
    r.on("PATCH", "/branding", branding.patch);
    r.on("GET", "/branding/templates/universal-login", (ctx) => {
      if (!ctx.store.hasSingleton(TEMPLATE)) throw notFound("Template does not exist.", "inexistent_templates_universal_login");
      return ok({ body: ctx.store.singleton(TEMPLATE, () => "") });
    });
    r.on("PUT", "/branding/templates/universal-login", (ctx) => {
      const body = ctx.body;
      const template = typeof body === "string" ? body : requireString(objectBody(ctx), "template");
      ctx.store.setSingleton(TEMPLATE, template);
      return created({});
    });
    r.on("DELETE", "/branding/templates/universal-login", (ctx) => {
      ctx.store.deleteSingleton(TEMPLATE);
      return noContent;
    });
    r.on("GET", "/branding/phone/providers", (ctx) => ok({ providers: ctx.store.list(PHONE_PROVIDERS).map(presentProvider) }));
    r.on("POST", "/branding/phone/providers", (ctx) => {
      const body = objectBody(ctx);
      requireString(body, "name");
      validateProvider(body);
      const now = timestamp(ctx);
      const id = prefixed("pro", 22);
      const tenantName = ctx.tenant.domain.split(".")[0]!.split(":")[0]!;
      const doc: Doc = { id, tenant: tenantName, name: body.name!, channel: "phone", disabled: body.disabled ?? false, configuration: body.configuration ?? {}, credentials: body.credentials ?? {}, created_at: now, updated_at: now };
      return created(presentProvider(ctx.store.put(PHONE_PROVIDERS, id, doc)));
    });
    r.on("GET", "/branding/phone/providers/:id", (ctx) => ok(presentProvider(phoneProvider(ctx))));
    r.on("PATCH", "/branding/phone/providers/:id", (ctx) => {
      const body = objectBody(ctx);
      const next = { ...patch(phoneProvider(ctx), body), updated_at: timestamp(ctx) };
      validateProvider(next);
      return ok(presentProvider(ctx.store.put(PHONE_PROVIDERS, ctx.params.id!, next)));
    });
    r.on("DELETE", "/branding/phone/providers/:id", (ctx) => {
      ctx.store.delete(PHONE_PROVIDERS, phoneProvider(ctx).id as string);
      return noContent;
    });
  },
};
