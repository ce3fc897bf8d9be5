import { beforeEach, describe, expect, it } from "vitest";
import { after, BACKEND, backendSecrets, type FakeApi, fakeApi, fakeFetch, healthyBackend, json, loadAction, logLines, TENANT, isolateEachTest, virtualClock } from "./fakes";

type PreRegistration = { onExecutePreUserRegistration(event: unknown, api: unknown): Promise<void> };
const { onExecutePreUserRegistration } = loadAction<PreRegistration>("pre-user-registration.js");

function signUp(email: unknown, secrets: Record<string, string> = {}, client: Record<string, unknown> = {}) {
  return {
    secrets,
    user: email === undefined ? { tenant: "alphaswarm-dev" } : { email, tenant: "alphaswarm-dev" },
    connection: { id: "con_db", name: "Username-Password-Authentication", strategy: "auth0" },
    client: { client_id: "spa-client-id", name: "alphaswarm-spa", metadata: {}, ...client },
    request: { ip: "203.0.113.7" },
  };
}

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
});
isolateEachTest();

describe("pre-user-registration email checks", () => {
  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["without @", "ada.example.com"],
    ["without a local part", "@example.com"],
    ["with a domain that has no dot", "ada@localhost"],
    ["with two @", "ada@evil@example.com"],
    ["with a space in it", "ada lovelace@example.com"],
    ["not a string", 42],
  ])("denies an email that is %s", async (_label, email) => {
    await onExecutePreUserRegistration(signUp(email), api);
    expect(api.access.deny).toHaveBeenCalledWith("invalid_email", "Please sign up with a valid email address.");
  });

  it.each([
    ["a listed domain", "ada@mailinator.com"],
    ["an uppercase address", "Ada@MAILINATOR.COM"],
    ["a subdomain of a listed domain", "ada@inbox.guerrillamail.com"],
    ["an uppercase subdomain", "ADA@X.Y.TempMail.Org"],
    ["surrounding whitespace", "  ada@throwaway.email "],
  ])("denies a disposable address: %s", async (_label, email) => {
    await onExecutePreUserRegistration(signUp(email), api);
    expect(api.access.deny).toHaveBeenCalledWith("disposable_email", "Sign-ups from disposable email addresses are not allowed.");
  });

  it.each(["ada@example.com", "ada@notmailinator.com", "ada@mailinator.com.example.org", "Grace.Hopper+alpha@Navy.Example.mil"])(
    "allows %s",
    async (email) => {
      await onExecutePreUserRegistration(signUp(email), api);
      expect(api.access.deny).not.toHaveBeenCalled();
    },
  );

  it("uses the configured list instead of the default one", async () => {
    const secrets = { DISPOSABLE_DOMAINS: "yopmail.com, .Trash-Mail.com" };
    await onExecutePreUserRegistration(signUp("ada@sub.trash-mail.com", secrets), api);
    await onExecutePreUserRegistration(signUp("ada@mailinator.com", secrets), api);
    expect(api.access.deny.mock.calls).toEqual([["disposable_email", "Sign-ups from disposable email addresses are not allowed."]]);
  });
});

describe("pre-user-registration invite check", () => {
  const inviteSecrets = (mode: string, extra: Record<string, string | undefined> = {}) => backendSecrets({ INVITE_CHECK: mode, CLAIMS_NAMESPACE: undefined, ...extra });

  it("is off by default: no backend call", async () => {
    const { calls } = healthyBackend();
    await onExecutePreUserRegistration(signUp("ada@acme.example", backendSecrets(), { metadata: { flow: "b2b" } }), api);
    expect(calls).toEqual([]);
  });

  it("in b2b mode asks the backend only for applications marked flow=b2b, and denies an uninvited sign-up", async () => {
    const { calls } = healthyBackend({ [`${BACKEND}/_internal/auth/preregister-check`]: () => json({ allowed: false }) });
    await onExecutePreUserRegistration(signUp("ada@acme.example", inviteSecrets("b2b")), api);
    expect(calls).toEqual([]);
    await onExecutePreUserRegistration(signUp("ada@acme.example", inviteSecrets("b2b"), { metadata: { flow: "b2b" } }), api);
    expect(calls.at(-1)!.body).toEqual({ email: "ada@acme.example", client_id: "spa-client-id", connection: "Username-Password-Authentication" });
    expect(api.access.deny).toHaveBeenCalledWith("invite_required", "This sign-up needs an invitation; ask your organization's administrator.");
  });

  it("in all mode lets an invited sign-up through", async () => {
    const { calls } = healthyBackend({ [`${BACKEND}/_internal/auth/preregister-check`]: () => json({ allowed: true }) });
    await onExecutePreUserRegistration(signUp("ada@acme.example", inviteSecrets("all")), api);
    expect(calls.map((c) => c.url)).toEqual([`https://${TENANT}/oauth/token`, `${BACKEND}/_internal/auth/preregister-check`]);
    expect(api.access.deny).not.toHaveBeenCalled();
  });

  it.each([
    ["true", 1],
    ["false", 0],
  ])("when the backend fails with FAIL_CLOSED=%s denies %i time(s)", async (failClosed, denials) => {
    fakeFetch({
      [`https://${TENANT}/oauth/token`]: () => json({ access_token: "t", expires_in: 3600 }),
      [`${BACKEND}/_internal/auth/preregister-check`]: () => json({}, 500),
    });
    await onExecutePreUserRegistration(signUp("ada@acme.example", inviteSecrets("all", { FAIL_CLOSED: failClosed })), api);
    expect(api.access.deny).toHaveBeenCalledTimes(denials);
  });

  it("checks the disposable list before calling the backend", async () => {
    const { calls } = healthyBackend();
    await onExecutePreUserRegistration(signUp("ada@mailinator.com", inviteSecrets("all")), api);
    expect(calls).toEqual([]);
  });
});

describe("pre-user-registration deadlines", () => {
  const inviteSecrets = (extra: Record<string, string> = {}) => backendSecrets({ INVITE_CHECK: "all", CLAIMS_NAMESPACE: undefined, ...extra });

  it("times out an invite answer whose body stalls after the headers, and applies the failure policy", async () => {
    const clock = virtualClock();
    healthyBackend({ [`${BACKEND}/_internal/auth/preregister-check`]: () => "hang-body" });
    const took = await clock.settle(onExecutePreUserRegistration(signUp("ada@acme.example", inviteSecrets()), api));
    expect(took).toBe(5000);
    expect(api.access.deny).toHaveBeenCalledWith("invite_check_failed", "Sign-up is temporarily unavailable; please try again in a moment.");
    expect(logLines()).toEqual(["alphaswarm-pre-user-registration: /_internal/auth/preregister-check timed out after 5000 ms (denying the sign-up)"]);
  });

  it("gives the invite check only what is left of the 7 s budget after a slow token request", async () => {
    const clock = virtualClock();
    fakeFetch({
      [`https://${TENANT}/oauth/token`]: () => after(4500, () => json({ access_token: "t", expires_in: 3600 })),
      [`${BACKEND}/_internal/auth/preregister-check`]: () => "hang",
    });
    const took = await clock.settle(onExecutePreUserRegistration(signUp("ada@acme.example", inviteSecrets()), api));
    expect(took).toBe(7000);
    expect(logLines()).toEqual(["alphaswarm-pre-user-registration: /_internal/auth/preregister-check timed out after 2500 ms (denying the sign-up)"]);
  });
});

describe("pre-user-registration with malformed event fields", () => {
  it.each([
    ["no user", { user: null }],
    ["a user that is a string", { user: "ada@acme.example" }],
  ])("denies an event with %s as an invalid email", async (_label, overrides) => {
    await onExecutePreUserRegistration({ ...signUp("ada@acme.example"), ...overrides }, api);
    expect(api.access.deny).toHaveBeenCalledWith("invalid_email", "Please sign up with a valid email address.");
  });

  it.each([null, "b2b", { metadata: null }, { metadata: "flow=b2b" }])("treats a client %j as not b2b", async (client) => {
    const { calls } = healthyBackend();
    await onExecutePreUserRegistration({ ...signUp("ada@acme.example", backendSecrets({ INVITE_CHECK: "b2b" })), client }, api);
    expect(calls).toEqual([]);
    expect(api.access.deny).not.toHaveBeenCalled();
  });

  it.each([null, ["allowed"], "yes", { allowed: "true" }])("denies a sign-up when the backend answers %j", async (answer) => {
    healthyBackend({ [`${BACKEND}/_internal/auth/preregister-check`]: () => json(answer) });
    await onExecutePreUserRegistration(signUp("ada@acme.example", backendSecrets({ INVITE_CHECK: "all" })), api);
    expect(api.access.deny).toHaveBeenCalledWith("invite_required", "This sign-up needs an invitation; ask your organization's administrator.");
  });
});
