import { describe, expect, it } from "vitest";
import { configWith, issuesOf, specOf } from "./fixtures";

const WEBHOOK = { type: "webhook", url: "https://api.example.com/_internal/auth0/log-stream" };
const withStreams = (streams: Record<string, unknown>, environment = "dev") =>
  configWith({ "auth0kit:environment": environment, "auth0kit:logStreams": streams });

describe("log streams", () => {
  it("defaults a webhook to application/json, a JSON array body, all events and rotation 0", () => {
    const spec = specOf(withStreams({ backend: WEBHOOK }));
    expect(spec.logStreams.backend).toEqual({
      key: "backend",
      name: "backend",
      type: "webhook",
      url: WEBHOOK.url,
      contentType: "application/json",
      contentFormat: "json-array",
      rotation: 0,
    });
  });

  it("has no log streams when the key is absent", () => {
    expect(specOf(configWith()).logStreams).toEqual({});
  });

  it("requires a stream type", () => {
    expect(issuesOf(withStreams({ backend: { url: WEBHOOK.url } }))).toEqual([
      "auth0kit:logStreams.backend.type: required; set one of webhook, datadog, splunk",
    ]);
  });

  it("rejects an unknown stream type and names the supported ones", () => {
    expect(issuesOf(withStreams({ backend: { ...WEBHOOK, type: "kafka" } }))).toEqual([
      'auth0kit:logStreams.backend.type: "kafka" is not allowed; use one of webhook, datadog, splunk',
    ]);
  });

  it("rejects an event filter that is not an Auth0 category", () => {
    expect(issuesOf(withStreams({ backend: { ...WEBHOOK, filters: ["auth.login.fail", "auth.login.failure"] } }))).toEqual([
      expect.stringMatching(/^auth0kit:logStreams\.backend\.filters\[1\]: "auth\.login\.failure" is not allowed; did you mean "auth\.login\.fail"\? \(one of auth\.ancillary\.fail, /),
    ]);
  });

  it("rejects a content format outside the provider's three", () => {
    expect(issuesOf(withStreams({ backend: { ...WEBHOOK, contentFormat: "xml" } }))).toEqual([
      'auth0kit:logStreams.backend.contentFormat: "xml" is not allowed; use one of json-lines, json-array, json-object',
    ]);
  });

  it("rejects a negative rotation counter", () => {
    expect(issuesOf(withStreams({ backend: { ...WEBHOOK, rotation: -1 } }))).toEqual(["auth0kit:logStreams.backend.rotation: must be at least 0"]);
  });

  it("rejects an http webhook URL in every environment, because Auth0 only streams to https", () => {
    expect(issuesOf(withStreams({ backend: { ...WEBHOOK, url: "http://api.example.com/hook" } }))).toEqual([
      "auth0kit:logStreams.backend.url: http://api.example.com/hook is not https; Auth0 only streams logs to https endpoints, so use the https URL of the receiver",
    ]);
  });

  it.each(["stage", "prod"])("rejects a loopback webhook URL in %s", (environment) => {
    expect(issuesOf(withStreams({ backend: { ...WEBHOOK, url: "https://localhost:8443/hook" } }, environment))).toEqual([
      `auth0kit:logStreams.backend.url: https://localhost:8443/hook points at this machine, which is not allowed in ${environment}; use the receiver's public https URL`,
    ]);
  });

  it("allows a loopback https webhook URL in dev", () => {
    expect(issuesOf(withStreams({ backend: { ...WEBHOOK, url: "https://127.0.0.1:8443/hook" } }))).toEqual([]);
  });

  it("reads a Datadog API key from a secret config key", () => {
    const config = configWith({
      "auth0kit:logStreams": { siem: { type: "datadog", region: "eu", apiKey: { secret: "datadogApiKey" } } },
      "auth0kit:datadogApiKey": "dd",
    });
    const spec = specOf(config, { secretKeys: ["auth0kit:datadogApiKey"] });
    expect(spec.logStreams.siem).toMatchObject({ type: "datadog", region: "eu", apiKey: { secret: "datadogApiKey" } });
    expect(spec.secretRefs).toEqual(["datadogApiKey"]);
  });

  it("refuses a Datadog API key written in the stack file, without echoing it", () => {
    const issues = issuesOf(withStreams({ siem: { type: "datadog", region: "eu", apiKey: "dd-abcdef" } }));
    expect(issues).toEqual([
      "auth0kit:logStreams.siem.apiKey: must reference a secret config key, e.g. { secret: googleClientSecret }, never hold the value itself; store the value with: pulumi config set --secret auth0kit:<key> <value>",
    ]);
  });

  it("rejects a Splunk stream that skips certificate checks in prod", () => {
    const config = configWith({
      "auth0kit:environment": "prod",
      "auth0kit:logStreams": { splunk: { type: "splunk", domain: "splunk.example.com", secure: false, token: { secret: "splunkToken" } } },
      "auth0kit:splunkToken": "t",
    });
    expect(issuesOf(config, { secretKeys: ["auth0kit:splunkToken"] })).toEqual([
      "auth0kit:logStreams.splunk.secure: false is not allowed in prod: logs would be sent to a collector whose certificate is not checked; give the collector a trusted certificate and remove secure: false",
    ]);
  });
});
