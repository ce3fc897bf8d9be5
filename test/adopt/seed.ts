/**
 * Stands in for the Pulumi Auth0 provider, which cannot run here: puts into a fresh emulator what a
 * stack's offline plan declares, by mapping each planned resource's inputs to the Management API
 * calls the provider makes for it (the request bodies follow the provider's recorded traffic in
 * ../shared/reference/auth0-recordings). Secrets the plan masks get test values. Returns the Auth0
 * ID of every seeded resource, by its planned name: what an import file must map it to.
 */
import type { App } from "../../emulator/app";
import type { PlannedResource } from "../../plan/mockRuntime";

type Json = Record<string, any>;
export type Call = (method: string, path: string, body?: unknown) => Json;

const SECRET = "[secret]";
/** Test values in the formats the schema accepts, for secrets the plan masks. */
const SECRET_VALUES: Record<string, string> = { sid: `AC${"0".repeat(32)}`, defaultFrom: "+15550001234" };

/** Calls the in-process emulator with a valid token; a status other than 2xx fails the test. */
export function emulatorCall(app: App): Call {
  const token = app.issueToken();
  return (method, path, body) => {
    const res = app.handle({ method, url: `/api/v2${path}`, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? "" : JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`seeding ${method} ${path} answered ${res.status}: ${res.body}`);
    return res.body === undefined ? {} : JSON.parse(res.body);
  };
}

const ORDER = [
  "tenant:Tenant",
  "resourceServer:ResourceServer",
  "resourceServerScopes:ResourceServerScopes",
  "client:Client",
  "clientCredentials:ClientCredentials",
  "clientGrant:ClientGrant",
  "connection:Connection",
  "connectionClients:ConnectionClients",
  "organization:Organization",
  "organizationConnections:OrganizationConnections",
  "action:Action",
  "triggerActions:TriggerActions",
  "tokenExchangeProfile:TokenExchangeProfile",
  "role:Role",
  "rolePermissions:RolePermissions",
  "logStream:LogStream",
  "phoneProvider:PhoneProvider",
  "guardian:Guardian",
  "attackProtection:AttackProtection",
  "customDomain:CustomDomain",
  "emailProvider:EmailProvider",
  "emailTemplate:EmailTemplate",
  "branding:Branding",
  "prompt:Prompt",
  "promptCustomText:PromptCustomText",
].map((type) => `auth0:index/${type}`);

export function seedFromPlan(resources: readonly PlannedResource[], call: Call): Map<string, string> {
  const ids = new Map<string, string>();
  const resolve = (value: unknown): any => {
    if (typeof value === "string") {
      const match = /^placeholder:(.+):(id|clientId)$/.exec(value);
      if (match) {
        const id = ids.get(match[1]!);
        if (id === undefined) throw new Error(`seeding: ${value} refers to a resource not seeded yet`);
        return id;
      }
      return value;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  const unknown = resources.filter((r) => !r.type.startsWith("auth0kit:") && !r.type.startsWith("random:") && !ORDER.includes(r.type));
  if (unknown.length > 0) throw new Error(`seeding: no mapping for ${unknown.map((r) => r.type).join(", ")}`);
  for (const type of ORDER) {
    for (const resource of resources.filter((r) => r.type === type)) {
      const inputs = unmask(resolve(resource.inputs));
      ids.set(resource.name, SEEDERS[type.split(":").pop()!]!(inputs, call, ids));
    }
  }
  return ids;
}

function unmask(value: any, field = ""): any {
  if (value === SECRET) return SECRET_VALUES[field] ?? `seeded-${field || "secret"}`;
  if (Array.isArray(value)) return value.map((item) => unmask(item, field));
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unmask(v, k)]));
  return value;
}

/** Drops undefined members, as the provider leaves unset fields out of its bodies. */
function defined(body: Json): Json {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

const FIXED_SINGLETON_ID = "seeded-singleton";

const SEEDERS: Record<string, (inputs: Json, call: Call, ids: Map<string, string>) => string> = {
  Tenant(i, call) {
    call("PATCH", "/tenants/settings", defined({
      friendly_name: i.friendlyName,
      support_email: i.supportEmail,
      support_url: i.supportUrl,
      session_lifetime: i.sessionLifetime,
      idle_session_lifetime: i.idleSessionLifetime,
      enabled_locales: i.enabledLocales,
      default_audience: i.defaultAudience,
      flags: i.flags && { enable_client_connections: i.flags.enableClientConnections },
    }));
    return FIXED_SINGLETON_ID;
  },
  ResourceServer(i, call) {
    return call("POST", "/resource-servers", defined({
      name: i.name,
      identifier: i.identifier,
      signing_alg: i.signingAlg,
      enforce_policies: i.enforcePolicies,
      token_dialect: i.tokenDialect,
      token_lifetime: i.tokenLifetime,
      token_lifetime_for_web: i.tokenLifetimeForWeb,
      allow_offline_access: i.allowOfflineAccess,
      skip_consent_for_verifiable_first_party_clients: i.skipConsentForVerifiableFirstPartyClients,
      subject_type_authorization: i.subjectTypeAuthorization,
      proof_of_possession: i.proofOfPossession,
    })).id;
  },
  ResourceServerScopes(i, call) {
    const server = (call("GET", "/resource-servers") as any[]).find((s) => s.identifier === i.resourceServerIdentifier);
    call("PATCH", `/resource-servers/${server.id}`, { scopes: i.scopes.map((s: Json) => ({ value: s.name, description: s.description })) });
    return i.resourceServerIdentifier;
  },
  Client(i, call) {
    const refresh = i.refreshToken;
    return call("POST", "/clients", defined({
      name: i.name,
      description: i.description,
      app_type: i.appType,
      is_first_party: i.isFirstParty,
      oidc_conformant: i.oidcConformant,
      callbacks: i.callbacks,
      allowed_logout_urls: i.allowedLogoutUrls,
      web_origins: i.webOrigins,
      allowed_origins: i.allowedOrigins,
      grant_types: i.grantTypes,
      jwt_configuration: i.jwtConfiguration && defined({ alg: i.jwtConfiguration.alg, lifetime_in_seconds: i.jwtConfiguration.lifetimeInSeconds }),
      refresh_token: refresh && defined({
        rotation_type: refresh.rotationType,
        expiration_type: refresh.expirationType,
        token_lifetime: refresh.tokenLifetime,
        infinite_token_lifetime: refresh.infiniteTokenLifetime,
        idle_token_lifetime: refresh.idleTokenLifetime,
        infinite_idle_token_lifetime: refresh.infiniteIdleTokenLifetime,
        leeway: refresh.leeway,
      }),
      organization_usage: i.organizationUsage,
      organization_require_behavior: i.organizationRequireBehavior,
      token_exchange: i.tokenExchange && { allow_any_profile_of_type: i.tokenExchange.allowAnyProfileOfTypes },
    })).client_id;
  },
  ClientCredentials(i, call) {
    call("PATCH", `/clients/${i.clientId}`, { token_endpoint_auth_method: i.authenticationMethod });
    return i.clientId;
  },
  ClientGrant(i, call) {
    return call("POST", "/client-grants", defined({ client_id: i.clientId, audience: i.audience, scope: i.scopes, subject_type: i.subjectType })).id;
  },
  Connection(i, call) {
    return call("POST", "/connections", defined({ name: i.name, display_name: i.displayName, strategy: i.strategy, metadata: i.metadata, options: connectionOptions(i.strategy, i.options ?? {}) })).id;
  },
  ConnectionClients(i, call) {
    call("PATCH", `/connections/${i.connectionId}/clients`, i.enabledClients.map((id: string) => ({ client_id: id, status: true })));
    return i.connectionId;
  },
  Organization(i, call) {
    const branding = i.branding && defined({ logo_url: i.branding.logoUrl, colors: i.branding.colors });
    return call("POST", "/organizations", defined({ name: i.name, display_name: i.displayName, branding })).id;
  },
  OrganizationConnections(i, call) {
    for (const link of i.enabledConnections) {
      call("POST", `/organizations/${i.organizationId}/connections`, defined({ connection_id: link.connectionId, assign_membership_on_login: link.assignMembershipOnLogin, show_as_button: link.showAsButton }));
    }
    return i.organizationId;
  },
  Action(i, call) {
    const id = call("POST", "/actions/actions", { name: i.name, code: i.code, runtime: i.runtime, supported_triggers: [i.supportedTriggers], dependencies: i.dependencies, secrets: i.secrets }).id;
    call("GET", `/actions/actions/${id}`);
    call("POST", `/actions/actions/${id}/deploy`);
    return id;
  },
  TriggerActions(i, call) {
    call("PATCH", `/actions/triggers/${i.trigger}/bindings`, { bindings: i.actions.map((a: Json) => ({ ref: { type: "action_id", value: a.id }, display_name: a.displayName })) });
    return i.trigger;
  },
  TokenExchangeProfile(i, call) {
    return call("POST", "/token-exchange-profiles", { name: i.name, subject_token_type: i.subjectTokenType, action_id: i.actionId, type: i.type }).id;
  },
  Role(i, call) {
    return call("POST", "/roles", defined({ name: i.name, description: i.description })).id;
  },
  RolePermissions(i, call) {
    const permissions = (i.permissions as Json[]).map((p) => ({ permission_name: p.name, resource_server_identifier: p.resourceServerIdentifier }));
    if (permissions.length > 0) call("POST", `/roles/${i.roleId}/permissions`, { permissions });
    return i.roleId;
  },
  LogStream(i, call) {
    return call("POST", "/log-streams", defined({ name: i.name, type: i.type, sink: i.sink, filters: i.filters })).id;
  },
  PhoneProvider(i, call) {
    const c = i.configuration;
    return call("POST", "/branding/phone/providers", {
      name: i.name,
      disabled: i.disabled,
      configuration: defined({ delivery_methods: c.deliveryMethods, sid: c.sid, default_from: c.defaultFrom, mssid: c.mssid }),
      credentials: { auth_token: i.credentials.authToken },
    }).id;
  },
  Guardian(i, call) {
    call("PUT", "/guardian/policies", i.policy === "never" ? [] : [i.policy]);
    const factors: [string, boolean][] = [
      ["otp", i.otp === true],
      ["email", i.email === true],
      ["recovery-code", i.recoveryCode === true],
      ["push-notification", i.push?.enabled === true],
      ["webauthn-roaming", i.webauthnRoaming?.enabled === true],
      ["webauthn-platform", i.webauthnPlatform?.enabled === true],
      ["sms", i.phone?.enabled === true],
      ["duo", i.duo?.enabled === true],
    ];
    for (const [name, enabled] of factors) call("PUT", `/guardian/factors/${name}`, { enabled });
    if (i.webauthnRoaming?.userVerification) call("PUT", "/guardian/factors/webauthn-roaming/settings", { userVerification: i.webauthnRoaming.userVerification });
    if (i.phone?.messageTypes) call("PUT", "/guardian/factors/phone/message-types", { message_types: i.phone.messageTypes });
    if (i.duo?.enabled) call("PUT", "/guardian/factors/duo/settings", { ikey: i.duo.integrationKey, skey: i.duo.secretKey, host: i.duo.hostname });
    return FIXED_SINGLETON_ID;
  },
  AttackProtection(i, call) {
    const brute = i.bruteForceProtection;
    if (brute) call("PATCH", "/attack-protection/brute-force-protection", defined({ enabled: brute.enabled, shields: brute.shields, mode: brute.mode, max_attempts: brute.maxAttempts, allowlist: brute.allowlists }));
    const breached = i.breachedPasswordDetection;
    if (breached) {
      call("PATCH", "/attack-protection/breached-password-detection", defined({
        enabled: breached.enabled,
        shields: breached.shields,
        admin_notification_frequency: breached.adminNotificationFrequencies,
        method: breached.method,
        stage: breached.preUserRegistration && { "pre-user-registration": { shields: breached.preUserRegistration.shields } },
      }));
    }
    const ip = i.suspiciousIpThrottling;
    if (ip) {
      const stage = defined({
        "pre-login": ip.preLogin && defined({ max_attempts: ip.preLogin.maxAttempts, rate: ip.preLogin.rate }),
        "pre-user-registration": ip.preUserRegistration && defined({ max_attempts: ip.preUserRegistration.maxAttempts, rate: ip.preUserRegistration.rate }),
      });
      call("PATCH", "/attack-protection/suspicious-ip-throttling", defined({ enabled: ip.enabled, shields: ip.shields, allowlist: ip.allowlists, stage: Object.keys(stage).length > 0 ? stage : undefined }));
    }
    return FIXED_SINGLETON_ID;
  },
  CustomDomain(i, call) {
    return call("POST", "/custom-domains", { domain: i.domain, type: i.type }).custom_domain_id;
  },
  // The provider reads the provider first and creates it on 404 (TestAccEmail).
  EmailProvider(i, call) {
    const c = i.credentials;
    call("POST", "/emails/provider", {
      name: i.name,
      enabled: i.enabled,
      default_from_address: i.defaultFromAddress,
      credentials: defined({
        api_key: c.apiKey,
        accessKeyId: c.accessKeyId,
        secretAccessKey: c.secretAccessKey,
        region: c.region,
        domain: c.domain,
        smtp_host: c.smtpHost,
        smtp_port: c.smtpPort,
        smtp_user: c.smtpUser,
        smtp_pass: c.smtpPass,
      }),
    });
    return FIXED_SINGLETON_ID;
  },
  EmailTemplate(i, call) {
    call("POST", "/email-templates", defined({
      template: i.template,
      body: i.body,
      from: i.from,
      resultUrl: i.resultUrl,
      subject: i.subject,
      syntax: i.syntax,
      urlLifetimeInSeconds: i.urlLifetimeInSeconds,
      enabled: i.enabled,
      includeEmailInRedirect: i.includeEmailInRedirect,
    }));
    return i.template;
  },
  Branding(i, call) {
    call("PATCH", "/branding", defined({ logo_url: i.logoUrl, favicon_url: i.faviconUrl, colors: i.colors && { primary: i.colors.primary, page_background: i.colors.pageBackground } }));
    return FIXED_SINGLETON_ID;
  },
  Prompt(i, call) {
    call("PATCH", "/prompts", defined({ universal_login_experience: i.universalLoginExperience, identifier_first: i.identifierFirst, webauthn_platform_first_factor: i.webauthnPlatformFirstFactor }));
    return FIXED_SINGLETON_ID;
  },
  PromptCustomText(i, call) {
    call("PUT", `/prompts/${i.prompt}/custom-text/${i.language}`, JSON.parse(i.body));
    return `${i.prompt}::${i.language}`;
  },
};

/** A connection's options in the Management API's spelling (the provider's expansion, per strategy). */
function connectionOptions(strategy: string, o: Json): Json {
  const flags = (scopes?: string[]) => Object.fromEntries((scopes ?? []).map((scope) => [scope, true]));
  switch (strategy) {
    case "auth0":
      return defined({
        passwordPolicy: o.passwordPolicy,
        password_history: o.passwordHistories?.[0],
        password_dictionary: o.passwordDictionary,
        password_no_personal_info: o.passwordNoPersonalInfo,
        password_complexity_options: o.passwordComplexityOptions && { min_length: o.passwordComplexityOptions.minLength },
        disable_signup: o.disableSignup,
        requires_username: o.requiresUsername,
        brute_force_protection: o.bruteForceProtection,
      });
    case "google-oauth2":
    case "github":
      return defined({ client_id: o.clientId, client_secret: o.clientSecret, ...flags(o.scopes) });
    case "samlp":
      return defined({ signInEndpoint: o.signInEndpoint, signOutEndpoint: o.signOutEndpoint, signingCert: o.signingCert, fieldsMap: o.fieldsMap && JSON.parse(o.fieldsMap), domain_aliases: o.domainAliases });
    case "adfs":
      return defined({ adfs_server: o.adfsServer, fedMetadataXml: o.fedMetadataXml, domain_aliases: o.domainAliases });
    case "pingfederate":
      return defined({ pingFederateBaseUrl: o.pingFederateBaseUrl, signingCert: o.signingCert, fieldsMap: o.fieldsMap && JSON.parse(o.fieldsMap), domain_aliases: o.domainAliases });
    case "google-apps":
      return defined({
        domain: o.domain,
        tenant_domain: o.tenantDomain,
        client_id: o.clientId,
        client_secret: o.clientSecret,
        api_enable_users: o.apiEnableUsers,
        domain_aliases: o.domainAliases,
        ...flags(o.scopes),
      });
    case "waad":
      return defined({
        tenant_domain: o.tenantDomain,
        domain: o.domain,
        client_id: o.clientId,
        client_secret: o.clientSecret,
        identity_api: o.identityApi,
        waad_protocol: o.waadProtocol,
        use_wsfed: o.useWsfed,
        api_enable_users: o.apiEnableUsers,
        domain_aliases: o.domainAliases,
        ...flags(o.scopes),
      });
    default:
      return defined({
        type: o.type,
        issuer: o.issuer,
        discovery_url: o.discoveryUrl,
        domain: o.domain,
        client_id: o.clientId,
        client_secret: o.clientSecret,
        scope: (o.scopes ?? []).join(" "),
        attribute_map: o.attributeMap && defined({ mapping_mode: o.attributeMap.mappingMode, userinfo_scope: o.attributeMap.userinfoScope, attributes: o.attributeMap.attributes && JSON.parse(o.attributeMap.attributes) }),
        domain_aliases: o.domainAliases,
      });
  }
}
