/**
 * Guardian (MFA): the policy list, the factors and their enabled flags, and each factor's settings
 * documents (phone message types and providers, push providers, DUO, WebAuthn…), plus the push
 * app's links (/prompts/mfa-push). PUT replaces a document; reads start from Auth0's defaults.
 */
import { invalidBody } from "../errors";
import { clone, objectBody, ok, type RequestContext } from "../routes";
import type { Doc, Json } from "../store";
import type { Family } from "./family";

const FACTORS = ["sms", "push-notification", "otp", "email", "duo", "webauthn-roaming", "webauthn-platform", "recovery-code"];

/** Settings documents and what a tenant starts with (as the recorded tenants answered). */
const SETTINGS: Readonly<Record<string, Doc>> = {
  "phone/message-types": { message_types: ["sms"] },
  "phone/selected-provider": { provider: "auth0" },
  "sms/selected-provider": { provider: "auth0" },
  "phone/providers/twilio": {},
  "sms/providers/twilio": {},
  "phone/templates": { enrollment_message: "{{code}} is your verification code for {{tenant.friendly_name}}. Please enter this code to verify your enrollment.", verification_message: "{{code}} is your verification code for {{tenant.friendly_name}}" },
  "sms/templates": { enrollment_message: "{{code}} is your verification code for {{tenant.friendly_name}}. Please enter this code to verify your enrollment.", verification_message: "{{code}} is your verification code for {{tenant.friendly_name}}" },
  "push-notification/selected-provider": { provider: "guardian" },
  "push-notification/providers/apns": {},
  "push-notification/providers/sns": {},
  "push-notification/providers/fcm": {},
  "push-notification/providers/fcmv1": {},
  "duo/settings": {},
  "webauthn-roaming/settings": { userVerification: "required", overrideRelyingParty: false },
  "webauthn-platform/settings": { overrideRelyingParty: false },
};

const POLICIES = ["all-applications", "confidence-score"];

function factors(ctx: RequestContext): Doc {
  return ctx.store.singleton("guardian/factors", () => Object.fromEntries(FACTORS.map((f) => [f, false])));
}

function settings(ctx: RequestContext, path: string): Doc {
  return ctx.store.singleton(`guardian/${path}`, () => clone(SETTINGS[path]!));
}

/** Credentials Auth0 stores but never reads back. */
const WRITE_ONLY = new Set(["fcm", "fcmv1"]);

export const guardian: Family = {
  routes(r) {
    r.on("GET", "/guardian/policies", (ctx) => ok(ctx.store.singleton("guardian/policies", () => [])));
    r.on("PUT", "/guardian/policies", (ctx) => {
      const body = ctx.body;
      if (!Array.isArray(body) || body.some((p) => typeof p !== "string" || !POLICIES.includes(p))) throw invalidBody(`Payload validation error: 'Expected an array of ${POLICIES.join(", ")}'.`);
      ctx.store.setSingleton("guardian/policies", body as Json[]);
      return ok(body);
    });
    r.on("GET", "/guardian/factors", (ctx) => ok(FACTORS.map((name) => ({ name, enabled: factors(ctx)[name] === true, trial_expired: false }))));
    for (const name of FACTORS) {
      r.on("PUT", `/guardian/factors/${name}`, (ctx) => {
        const body = objectBody(ctx);
        if (typeof body.enabled !== "boolean") throw invalidBody("Payload validation error: 'Missing required property: enabled'.");
        ctx.store.setSingleton("guardian/factors", { ...factors(ctx), [name]: body.enabled });
        return ok({ enabled: body.enabled });
      });
    }
    for (const path of Object.keys(SETTINGS)) {
      const provider = path.split("/").pop()!;
      r.on("GET", `/guardian/factors/${path}`, (ctx) => ok(WRITE_ONLY.has(provider) ? {} : settings(ctx, path)));
      const put = (merge: boolean) => (ctx: RequestContext) => {
        const body = objectBody(ctx);
        const next = merge ? { ...settings(ctx, path), ...body } : body;
        ctx.store.setSingleton(`guardian/${path}`, next);
        return ok(next);
      };
      r.on("PUT", `/guardian/factors/${path}`, put(false));
      r.on("PATCH", `/guardian/factors/${path}`, put(true));
    }
    r.on("GET", "/prompts/mfa-push", (ctx) => ok(ctx.store.singleton("guardian/mfa-push", () => ({}))));
    r.on("PUT", "/prompts/mfa-push", (ctx) => {
      const body = objectBody(ctx);
      ctx.store.setSingleton("guardian/mfa-push", body);
      return ok(body);
    });
  },
};
