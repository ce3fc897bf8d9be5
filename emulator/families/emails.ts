/**
 * The email provider (/emails/provider, at most one: 404 until created) and email templates
 * (/email-templates/{name}). Secret credentials (keys, passwords) are write-only; Auth0 answers
 * with the rest (region, SMTP host and user, mail domain).
 */
import { conflict, notFound } from "../errors";
import { created, isObject, noContent, objectBody, ok, patch, requireString, type RequestContext } from "../routes";
import type { Doc } from "../store";
import type { Family } from "./family";
import { selectFields } from "./fields";

const PROVIDER = "email-provider";
const TEMPLATES = "email-templates";
/** Credential members Auth0 never reads back (keys, passwords, connection strings). */
const WRITE_ONLY_CREDENTIALS = ["accessKeyId", "secretAccessKey", "api_key", "smtp_pass", "connectionString", "clientSecret", "clientId", "tenantId"];

const TEMPLATE_NAMES = ["verify_email", "verify_email_by_code", "reset_email", "reset_email_by_code", "welcome_email", "blocked_account", "stolen_credentials", "enrollment_email", "mfa_oob_code", "user_invitation", "change_password", "password_reset", "async_approval"];

function provider(ctx: RequestContext): Doc {
  if (!ctx.store.hasSingleton(PROVIDER)) throw notFound("There is not a configured email provider", "inexistent_email_provider");
  return ctx.store.singleton(PROVIDER, () => ({}));
}

function present(doc: Doc): Doc {
  if (!isObject(doc.credentials)) return doc;
  return { ...doc, credentials: Object.fromEntries(Object.entries(doc.credentials).filter(([k]) => !WRITE_ONLY_CREDENTIALS.includes(k))) };
}

function template(ctx: RequestContext): Doc {
  const name = ctx.params.name!;
  if (!TEMPLATE_NAMES.includes(name)) throw notFound(`Unknown email template ${name}`, "inexistent_email_template");
  const found = ctx.store.get(TEMPLATES, name);
  if (found === undefined) throw notFound("The template does not exist", "inexistent_email_template");
  return found;
}

export const emails: Family = {
  routes(r) {
    r.on("GET", "/emails/provider", (ctx) => ok(selectFields(present(provider(ctx)), ctx.query)));
    r.on("POST", "/emails/provider", (ctx) => {
      if (ctx.store.hasSingleton(PROVIDER)) throw conflict("An email provider is already configured", "email_provider_conflict");
      const body = objectBody(ctx);
      requireString(body, "name");
      ctx.store.setSingleton(PROVIDER, body);
      return created(present(body));
    });
    // Switching to another provider starts its settings afresh (TestAccEmail #9).
    r.on("PATCH", "/emails/provider", (ctx) => {
      const current = provider(ctx);
      const body = objectBody(ctx);
      const next = body.name !== undefined && body.name !== current.name ? patch({}, body) : patch(current, body);
      ctx.store.setSingleton(PROVIDER, next);
      return ok(present(next));
    });
    // 204 also when none is configured (TestAccEmail #65).
    r.on("DELETE", "/emails/provider", (ctx) => {
      ctx.store.deleteSingleton(PROVIDER);
      return noContent;
    });
    r.on("GET", "/email-templates/:name", (ctx) => ok(template(ctx)));
    r.on("POST", "/email-templates", (ctx) => {
      const body = objectBody(ctx);
      const name = requireString(body, "template");
      if (!TEMPLATE_NAMES.includes(name)) throw notFound(`Unknown email template ${name}`, "inexistent_email_template");
      if (ctx.store.get(TEMPLATES, name) !== undefined) throw conflict(`Template ${name} already exists.`, "email_template_conflict");
      return created(ctx.store.put(TEMPLATES, name, body));
    });
    r.on("PATCH", "/email-templates/:name", (ctx) => ok(ctx.store.put(TEMPLATES, ctx.params.name!, patch(template(ctx), objectBody(ctx)))));
    r.on("PUT", "/email-templates/:name", (ctx) => {
      template(ctx);
      return ok(ctx.store.put(TEMPLATES, ctx.params.name!, { ...objectBody(ctx), template: ctx.params.name! }));
    });
  },
};
