/**
 * Where the emulator departs from the recorded Auth0 answers on purpose, and why. Every entry is
 * needed: the conformance test fails on an explanation for an interaction that matches.
 */
import type { Departures } from "./replay";

export const DEPARTURES: Departures = {
  redactedIds: {
    xxxxxxxxxxxxxxxxxxxx: { find: "/api/v2/resource-servers/https:%2F%2F{domain}%2Fapi%2Fv2%2F", reason: "the recorders redacted the Management API's ID; it is the tenant's own Management API" },
  },
  volatile: {
    created_at: { form: "timestamp", reason: "the time of the write" },
    updated_at: { form: "timestamp", reason: "the time of the write" },
    deleted_at: { form: "timestamp", reason: "the time of the delete" },
    record: { form: "string", reason: "a custom domain's DNS verification record is random per domain (a UUID, or the domain's ID in the edge host name)" },
    awsPartnerEventSource: { form: "string", reason: "Auth0 names the EventBridge partner source with a fresh UUID" },
    build_time: { form: "timestamp", reason: "the time an Action version was built" },
    built_at: { form: "timestamp", reason: "the time an Action version was built" },
  },
  explained: {
    TestAccResourceServer_ACR: [
      { interactions: [0], reason: "recorded on a tenant at terraform-provider-auth0-dev.us.auth0.com while the recording's host says .eu.auth0.com, so the replay's tenant does not own that /me/ identifier; on its own domain the emulator makes the My Account API exactly as recorded (test/emulator/families.test.ts)" },
      { interactions: [1, 2], reason: "Auth0 added five My Account API scopes between the recorded create and the next read (a rollout on the recorded tenant); the emulator keeps the three scopes the create answered with" },
    ],
  },
};
