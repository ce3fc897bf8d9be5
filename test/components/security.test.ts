import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import type { Auth0Tenant } from "../../components/auth0Tenant";
import { dnsRecordsOf } from "../../components/customDomain";
import type { TenantSpec } from "../../config/spec";
import { configWith, SMS_FACTOR, specOf, TWILIO, TWILIO_SECRET } from "../config/fixtures";
import { type MockHarness, placeholder, setupMocks, unwrap } from "../mocks";

const TYPES = {
  logStream: "auth0:index/logStream:LogStream",
  randomBytes: "random:index/randomBytes:RandomBytes",
  guardian: "auth0:index/guardian:Guardian",
  phoneProvider: "auth0:index/phoneProvider:PhoneProvider",
  tenant: "auth0:index/tenant:Tenant",
  attackProtection: "auth0:index/attackProtection:AttackProtection",
  customDomain: "auth0:index/customDomain:CustomDomain",
};

const SECRET_KEYS = ["auth0kit:datadogApiKey", "auth0kit:splunkToken", "auth0kit:duoSecretKey", TWILIO_SECRET];

/** A prod tenant with every security setting: three log streams, adaptive MFA, a custom domain. */
function securedSpec(useForIssuer: boolean): TenantSpec {
  return specOf(
    configWith({
      "auth0kit:environment": "prod",
      "auth0kit:tenant": { customDomain: { domain: "auth.example.com", useForIssuer } },
      "auth0kit:logStreams": {
        backend: { type: "webhook", url: "https://api.example.com/_internal/auth0/log-stream", rotation: 2, filters: ["user.fail", "auth.login.fail"] },
        siem: { type: "datadog", region: "eu", apiKey: { secret: "datadogApiKey" } },
        splunk: { type: "splunk", domain: "splunk.example.com", token: { secret: "splunkToken" } },
      },
      "auth0kit:mfa": {
        policy: "confidence-score",
        factors: {
          otp: true,
          webauthnRoaming: { userVerification: "required" },
          webauthnPlatform: true,
          push: true,
          phone: { ...SMS_FACTOR, messageTypes: ["voice", "sms"] },
          email: true,
          recoveryCodes: true,
          duo: { hostname: "api-1234.duosecurity.com", integrationKey: "DIXXXX", secretKey: { secret: "duoSecretKey" } },
        },
      },
      "auth0kit:attackProtection": {
        bruteForce: { maxAttempts: 5, allowlist: ["203.0.113.0/24", "198.51.100.7"] },
        breachedPasswords: { shields: ["block", "admin-notification"], adminNotificationFrequency: ["weekly", "daily"], signupShields: ["block"] },
        suspiciousIpThrottling: { allowlist: ["2001:db8::/32"], preLogin: { maxAttempts: 100, rate: 864000 } },
      },
      ...Object.fromEntries(SECRET_KEYS.map((key) => [key, "value-from-config"])),
    }),
    { secretKeys: SECRET_KEYS },
  );
}

const secrets = {
  datadogApiKey: pulumi.secret("dd-key"),
  splunkToken: pulumi.secret("splunk-token"),
  duoSecretKey: pulumi.secret("duo-secret"),
  twilioAuthToken: pulumi.secret("twilio-token"),
};

let mocks: MockHarness;
let secured: Auth0Tenant;
let canonical: Auth0Tenant;
let dev: Auth0Tenant;

beforeAll(async () => {
  mocks = await setupMocks();
  const { Auth0Tenant } = await import("../../components/auth0Tenant");
  secured = new Auth0Tenant("sec", { spec: securedSpec(true), secrets, protectCritical: true });
  canonical = new Auth0Tenant("canon", { spec: securedSpec(false), secrets });
  dev = new Auth0Tenant("dev", { spec: specOf(configWith()), secrets: {} });
});

describe("webhook log stream", () => {
  it("sends an https payload URL with the configured content type, format and sorted filters", async () => {
    const stream = await mocks.findResource(TYPES.logStream, "sec-logstream-backend-stream");
    expect(stream.inputs).toEqual({
      name: "backend",
      type: "http",
      sink: {
        httpEndpoint: "https://api.example.com/_internal/auth0/log-stream",
        httpAuthorization: "[secret]",
        httpContentType: "application/json",
        httpContentFormat: "JSONARRAY",
      },
      filters: [
        { type: "category", name: "auth.login.fail" },
        { type: "category", name: "user.fail" },
      ],
    });
  });

  it("generates a 32-byte secret that a bump of rotation replaces", async () => {
    const bytes = await mocks.findResource(TYPES.randomBytes, "sec-logstream-backend-secret");
    expect(bytes.inputs).toEqual({ length: 32, keepers: { rotation: "2" } });
    expect(bytes.parent).toBe("sec-logstream-backend");
  });

  it("builds the Authorization header from the generated secret", async () => {
    const raw = (await mocks.unmaskedInputs(TYPES.logStream, "sec-logstream-backend-stream")) as { sink: { httpAuthorization: string } };
    expect(raw.sink.httpAuthorization).toBe(`Bearer ${placeholder("sec-logstream-backend-secret", "hex")}`);
  });

  it("exposes the bearer secret as a secret output, whose value is the generated hex", async () => {
    const bearer = secured.logStreams.backend!.bearerSecret!;
    expect(await unwrap(bearer)).toBe("[secret]");
    expect(await unwrap(pulumi.unsecret(bearer))).toBe(placeholder("sec-logstream-backend-secret", "hex"));
  });

  it("gets the generated bytes as secret placeholders from the plan's mocks, as the provider marks them", async () => {
    const generator = secured.logStreams.backend!.generator!;
    expect(await pulumi.isSecret(generator.hex)).toBe(true);
    expect(await pulumi.isSecret(generator.base64)).toBe(true);
  });

  it("gives native streams no bearer secret", () => {
    expect(secured.logStreams.siem!.bearerSecret).toBeUndefined();
  });
});

describe("native log streams", () => {
  it("sends Datadog its region and the API key from the secret config, as a secret", async () => {
    const stream = await mocks.findResource(TYPES.logStream, "sec-logstream-siem-stream");
    expect(stream.inputs).toEqual({ name: "siem", type: "datadog", sink: { datadogRegion: "eu", datadogApiKey: "[secret]" } });
    const raw = (await mocks.unmaskedInputs(TYPES.logStream, "sec-logstream-siem-stream")) as { sink: { datadogApiKey: string } };
    expect(raw.sink.datadogApiKey).toBe("dd-key");
  });

  it("sends Splunk its host, port as a string, certificate checks and the token as a secret", async () => {
    const stream = await mocks.findResource(TYPES.logStream, "sec-logstream-splunk-stream");
    expect(stream.inputs).toEqual({
      name: "splunk",
      type: "splunk",
      sink: { splunkDomain: "splunk.example.com", splunkPort: "8088", splunkSecure: true, splunkToken: "[secret]" },
    });
  });
});

describe("MFA", () => {
  it("declares adaptive MFA (confidence-score) with every listed factor", async () => {
    const guardian = await mocks.findResource(TYPES.guardian, "sec-mfa-guardian");
    expect(guardian.inputs).toEqual({
      policy: "confidence-score",
      otp: true,
      email: true,
      recoveryCode: true,
      webauthnRoaming: { enabled: true, userVerification: "required" },
      webauthnPlatform: { enabled: true },
      push: { enabled: true, provider: "guardian" },
      phone: { enabled: true, messageTypes: ["sms", "voice"] },
      duo: { enabled: true, hostname: "api-1234.duosecurity.com", integrationKey: "DIXXXX", secretKey: "[secret]" },
    });
  });

  it("sends phone codes through the tenant's Twilio provider, with the Unified Phone Experience on first", async () => {
    const provider = await mocks.findResource(TYPES.phoneProvider, "sec-mfa-phone-provider");
    expect(provider.inputs).toEqual({
      name: "twilio",
      disabled: false,
      configuration: { deliveryMethods: ["text", "voice"], sid: TWILIO.sid, defaultFrom: TWILIO.from },
      credentials: { authToken: "[secret]" },
    });
    expect((await mocks.unmaskedInputs(TYPES.phoneProvider, "sec-mfa-phone-provider"))?.credentials).toEqual({ authToken: "twilio-token" });
    expect((await mocks.findResource(TYPES.tenant, "sec-settings-tenant")).inputs.phoneConsolidatedExperience).toBe(true);
    const guardian = await mocks.findResource(TYPES.guardian, "sec-mfa-guardian");
    expect(guardian.dependsOn).toEqual(["sec-mfa-phone-provider", "sec-settings-tenant"]);
  });

  it("leaves the tenant's phone experience alone and declares no phone provider without phone codes", async () => {
    expect((await mocks.ofType(TYPES.phoneProvider)).map((r) => r.name)).toEqual(["canon-mfa-phone-provider", "sec-mfa-phone-provider"]);
    expect((await mocks.findResource(TYPES.tenant, "dev-settings-tenant")).inputs).not.toHaveProperty("phoneConsolidatedExperience");
  });

  it("declares no Guardian when the stack does not manage MFA", async () => {
    expect((await mocks.ofType(TYPES.guardian)).map((r) => r.name)).toEqual(["canon-mfa-guardian", "sec-mfa-guardian"]);
    expect(dev.mfa).toBeUndefined();
  });
});

describe("attack protection", () => {
  it("maps shields and modes to the provider's values, sorted, with allow-lists and thresholds", async () => {
    const settings = await mocks.findResource(TYPES.attackProtection, "sec-attack-protection-settings");
    expect(settings.inputs).toEqual({
      bruteForceProtection: {
        enabled: true,
        shields: ["block", "user_notification"],
        mode: "count_per_identifier_and_ip",
        maxAttempts: 5,
        allowlists: ["198.51.100.7", "203.0.113.0/24"],
      },
      breachedPasswordDetection: {
        enabled: true,
        shields: ["admin_notification", "block"],
        adminNotificationFrequencies: ["daily", "weekly"],
        method: "standard",
        preUserRegistration: { shields: ["block"] },
      },
      suspiciousIpThrottling: {
        enabled: true,
        shields: ["admin_notification", "block"],
        allowlists: ["2001:db8::/32"],
        preLogin: { maxAttempts: 100, rate: 864000 },
      },
    });
  });

  it("declares no attack protection for a dev stack that does not configure it", async () => {
    expect((await mocks.ofType(TYPES.attackProtection)).map((r) => r.name)).not.toContain("dev-attack-protection-settings");
  });
});

describe("custom domain", () => {
  it("declares an Auth0-managed domain, protected when critical resources are", async () => {
    const domain = await mocks.findResource(TYPES.customDomain, "sec-custom-domain-domain");
    expect(domain.inputs).toEqual({ domain: "auth.example.com", type: "auth0_managed_certs" });
    expect(domain.protect).toBe(true);
    expect((await mocks.findResource(TYPES.customDomain, "canon-custom-domain-domain")).protect).toBe(false);
  });

  it("exposes the DNS record to create, from the resource's verifications", async () => {
    expect(await unwrap(secured.customDomain!.dnsRecords)).toEqual([
      { type: "CNAME", name: "auth.example.com", value: placeholder("sec-custom-domain-domain", "verificationRecord") },
    ]);
  });

  it("reads every verification method, defaulting the record name to the domain", () => {
    const verifications = [{ methods: [{ name: "cname", record: "t-cd-1.edge.tenants.auth0.com" }, { name: "txt", record: "abc", domain: "_cf-custom-hostname.auth.example.com" }] }];
    expect(dnsRecordsOf(verifications, "auth.example.com")).toEqual([
      { type: "CNAME", name: "auth.example.com", value: "t-cd-1.edge.tenants.auth0.com" },
      { type: "TXT", name: "_cf-custom-hostname.auth.example.com", value: "abc" },
    ]);
    expect(dnsRecordsOf(undefined, "auth.example.com")).toEqual([]);
  });
});

describe("issuer", () => {
  it("switches the issuer and JWKS URL to the custom domain when useForIssuer is on", () => {
    expect(secured.issuer).toBe("https://auth.example.com/");
    expect(secured.jwksUrl).toBe("https://auth.example.com/.well-known/jwks.json");
  });

  it("keeps the canonical issuer while useForIssuer is off, even with a custom domain", () => {
    expect(canonical.issuer).toBe("https://example-dev.us.auth0.com/");
    expect(canonical.jwksUrl).toBe("https://example-dev.us.auth0.com/.well-known/jwks.json");
  });

  it("keeps the Management API audience on the canonical domain either way", () => {
    expect(secured.managementApiAudience).toBe("https://example-dev.us.auth0.com/api/v2/");
    expect(secured.domain).toBe("example-dev.us.auth0.com");
  });
});
