/** The adopted config is made one auth0kit's loader accepts: refused values left out, guardrails overridden by name. */
import { describe, expect, it } from "vitest";
import { buildImportFile } from "../../adopt/importFile";
import { settle, UnsettledError } from "../../adopt/settle";
import type { PlannedResource } from "../../plan/mockRuntime";

const noSources = () => undefined;
const base = { "auth0:domain": "acme.us.auth0.com", "auth0kit:environment": "prod", "auth0kit:tenant": {} };

describe("settle", () => {
  it("leaves out a value the rules refuse and says the first up sets auth0kit's value", () => {
    const settled = settle({ ...base, "auth0kit:environment": "dev", "auth0kit:applications": { worker: { type: "m2m", callbacks: ["https://x.example.com/cb"] } } }, "dev", noSources);
    expect(settled.config["auth0kit:applications"]).toEqual({ worker: { type: "m2m" } });
    expect(settled.refused).toEqual([
      { path: "auth0kit:applications.worker.callbacks", message: "machine-to-machine applications have no browser flow; remove these URLs — left out of the stack file, so the first up sets auth0kit's value" },
    ]);
    expect(settled.overrides).toEqual([]);
  });

  it("drops an entry that cannot stand as unmanaged, for the first reason it was refused", () => {
    const settled = settle(
      {
        ...base,
        "auth0kit:environment": "dev",
        "auth0kit:actions": { hook: { source: "actions/missing.js", trigger: "post-login", order: 1 } },
      },
      "dev",
      noSources,
    );
    expect(settled.config["auth0kit:actions"]).toEqual({});
    expect(settled.refused).toEqual([]);
    expect(settled.dropped).toEqual([{ path: "auth0kit:actions.hook", message: "source: actions/missing.js does not exist; create it or fix the path (relative to the project root) — so it stays unmanaged" }]);
  });

  it("leaves an email template, or texts, the rules refuse as they are in Auth0 (unmanaged), not changed", () => {
    const bodies = (file: string) => (file === "emails/acme/mfa.liquid" ? "<p>{{ code }}</p>" : undefined);
    const settled = settle(
      {
        ...base,
        "auth0kit:environment": "dev",
        "auth0kit:email": { provider: { sendgrid: { apiKey: { secret: "sendgridApiKey" } } }, from: "no-reply@acme.com", templates: { mfa_oob_code: { subject: "Your code", body: "emails/acme/mfa.liquid" } } },
        "auth0kit:login": { texts: { login: { de: { login: { title: "Hallo" } } } } },
      },
      "dev",
      bodies,
    );
    expect(settled.config["auth0kit:email"]).toEqual({ provider: { sendgrid: { apiKey: { secret: "sendgridApiKey" } } }, from: "no-reply@acme.com", templates: {} });
    expect(settled.config["auth0kit:login"]).toEqual({ texts: { login: {} } });
    expect(settled.refused).toEqual([]);
    expect(settled.dropped).toEqual([
      { path: "auth0kit:email.templates.mfa_oob_code", message: "is sent only for the email MFA factor, which is off; set auth0kit:mfa.factors.email: true or remove this template — so it stays unmanaged" },
      { path: "auth0kit:login.texts.login.de", message: "de is not among the tenant's languages (en); add it to auth0kit:tenant.enabledLocales or remove these texts — so it stays unmanaged" },
    ]);
  });

  it("turns each guardrail finding into an override with a reason, which the loader accepts", () => {
    const settled = settle(base, "prod", noSources);
    expect(settled.overrides.map((o) => [o.rule, o.path])).toEqual([
      ["mfa-enabled", "auth0kit:mfa"],
      ["log-stream-configured", "auth0kit:logStreams"],
      ["email-provider-configured", "auth0kit:email"],
    ]);
    expect((settled.config["auth0kit:overrides"] as { reason: string }[])[0]!.reason).toBe(
      "Adopted as the tenant was found (npm run adopt), where mfa-enabled reports: required in prod; set auth0kit:mfa with a policy such as confidence-score. Review it: change the tenant or the stack, or keep this exception with your own reason.",
    );
    expect(settled.spec.overrides).toHaveLength(3);
  });

  it("gives up on a problem outside auth0kit's keys, naming it", () => {
    expect(() => settle({ ...base, "auth0:domain": "127.0.0.1:4443" }, "prod", noSources)).toThrow(UnsettledError);
    expect(() => settle({ ...base, "auth0:domain": "127.0.0.1:4443" }, "prod", noSources)).toThrow(`auth0:domain: "127.0.0.1:4443" is a local emulator's address; a prod stack deploys to its Auth0 tenant, e.g. alphaswarm.us.auth0.com`);
  });
});

describe("the import file", () => {
  const resource = (type: string, name: string, parent: string | null, inputs: Record<string, unknown> = {}): PlannedResource => ({ type, name, parent, custom: !type.startsWith("auth0kit:"), inputs, protect: false, retainOnDelete: false, dependsOn: [] });
  const ids = { domain: "acme.us.auth0.com", apis: {}, clients: { web: "cid" }, grants: {}, connections: {}, organizations: {}, actions: {}, profiles: {}, roles: {}, logStreams: {}, emailTemplates: [], promptTexts: [] };

  it("lists components as components, finds clients through the plan's outputs and leaves generated secrets to the first up", () => {
    const plan = {
      resources: [
        resource("auth0kit:tenant:Auth0Tenant", "tenant", null),
        resource("auth0kit:application:Application", "tenant-app-web", "tenant"),
        resource("auth0:index/client:Client", "tenant-app-web-client", "tenant-app-web", { name: "Web" }),
        resource("auth0:index/clientCredentials:ClientCredentials", "tenant-app-web-credentials", "tenant-app-web", { clientId: "placeholder:tenant-app-web-client:clientId" }),
        resource("random:index/randomBytes:RandomBytes", "tenant-logstream-x-secret", "tenant"),
      ],
      outputs: { applications: { web: { clientId: "placeholder:tenant-app-web-client:clientId" } } },
    };
    expect(buildImportFile(plan, ids)).toEqual({
      generated: ["tenant-logstream-x-secret"],
      file: {
        resources: [
          { type: "auth0kit:tenant:Auth0Tenant", name: "tenant", component: true },
          { type: "auth0kit:application:Application", name: "tenant-app-web", parent: "tenant", component: true },
          { type: "auth0:index/client:Client", name: "tenant-app-web-client", parent: "tenant-app-web", id: "cid" },
          { type: "auth0:index/clientCredentials:ClientCredentials", name: "tenant-app-web-credentials", parent: "tenant-app-web", id: "cid" },
        ],
      },
    });
  });

  it("refuses a resource type it does not know how to import, rather than leave it out", () => {
    expect(() => buildImportFile({ resources: [resource("auth0:index/hook:Hook", "tenant-hook", "tenant")], outputs: {} }, ids)).toThrow("internal: the adopter does not know how to import auth0:index/hook:Hook (tenant-hook)");
  });

  it("imports a template by its name, replaced texts by <prompt>::<language>, and the email provider, branding and prompts by a UUID of the tenant", () => {
    const adopted = { ...ids, emailTemplates: ["verify_email"], promptTexts: ["login-id::fr-CA"] };
    const plan = {
      resources: [
        resource("auth0:index/emailProvider:EmailProvider", "tenant-email-provider", "tenant-email"),
        resource("auth0:index/emailTemplate:EmailTemplate", "tenant-email-template-verify-email", "tenant-email", { template: "verify_email" }),
        resource("auth0:index/branding:Branding", "tenant-login-branding", "tenant-login"),
        resource("auth0:index/prompt:Prompt", "tenant-login-prompts", "tenant-login"),
        resource("auth0:index/promptCustomText:PromptCustomText", "tenant-login-text-login-id-fr-CA", "tenant-login", { prompt: "login-id", language: "fr-CA" }),
      ],
      outputs: {},
    };
    const ids1 = buildImportFile(plan, adopted).file.resources.map((entry) => entry.id);
    expect(ids1.slice(1, 2)).toEqual(["verify_email"]);
    expect(ids1[4]).toBe("login-id::fr-CA");
    for (const id of [ids1[0], ids1[2], ids1[3]]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set([ids1[0], ids1[2], ids1[3]]).size).toBe(3);
    expect(buildImportFile(plan, adopted).file.resources.map((entry) => entry.id)).toEqual(ids1);
    const notAdopted = { resources: [resource("auth0:index/emailTemplate:EmailTemplate", "tenant-email-template-welcome-email", "tenant-email", { template: "welcome_email" })], outputs: {} };
    expect(() => buildImportFile(notAdopted, adopted)).toThrow("internal: no Auth0 ID for auth0:index/emailTemplate:EmailTemplate tenant-email-template-welcome-email");
  });
});
