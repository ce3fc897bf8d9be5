"use strict";
// The mock runtime's stand-in for the engine and the providers, shared by the offline plan
// (plan/mockRuntime.ts) and by Pulumi's own runner under test (plan/runnerPreload.cjs). Plain
// CommonJS because the runner's preload loads it before any TypeScript loader is registered.

const pulumi = require("@pulumi/pulumi");

/**
 * Values the provider computes, filled per type token so that references between resources
 * resolve. Each one says it is a placeholder.
 */
const COMPUTED_OUTPUTS = {
  "auth0:index/client:Client": ["clientId"],
  "auth0:index/clientCredentials:ClientCredentials": ["clientSecret"],
  "auth0:index/customDomain:CustomDomain": ["status", "originDomainName"],
  // `id` is filled for every custom resource; an Action also reports the version it deployed.
  "auth0:index/action:Action": ["versionId"],
};

/**
 * Computed outputs that are not plain placeholders: secrets (marked secret, as the provider's
 * `additionalSecretOutputs` make them) and structured values, per type token.
 */
const STRUCTURED_OUTPUTS = {
  "random:index/randomBytes:RandomBytes": (name) => ({
    hex: secretValue(placeholder(name, "hex")),
    base64: secretValue(placeholder(name, "base64")),
  }),
  // The CNAME Auth0 asks for: the custom domain itself, pointing at the tenant's edge host.
  "auth0:index/customDomain:CustomDomain": (name, inputs) => ({
    verifications: [{ methods: [{ name: "cname", domain: inputs.domain, record: placeholder(name, "verificationRecord") }], status: "pending" }],
  }),
};

/** A value the SDK deserializes as a secret output. */
function secretValue(value) {
  return { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value };
}

function placeholder(name, field) {
  return `placeholder:${name}:${field}`;
}

/** The mocks: every resource gets a placeholder ID and its computed outputs; calls are refused. */
const mocks = {
  newResource(args) {
    const computed = {};
    for (const field of COMPUTED_OUTPUTS[args.type] ?? []) computed[field] = placeholder(args.name, field);
    Object.assign(computed, STRUCTURED_OUTPUTS[args.type]?.(args.name, args.inputs));
    return { id: args.custom ? placeholder(args.name, "id") : "", state: { ...args.inputs, ...computed } };
  },
  call(args) {
    throw new Error(`the program called ${args.token}, which the offline plan does not mock; every call must be mocked explicitly`);
  },
};

/**
 * Puts the SDK into its mock runtime and calls `onRegister(request, urn)` for every resource the
 * engine accepts, with the request exactly as the SDK serialized it for the engine.
 */
async function installMocks({ project, stack, preview, onRegister }) {
  await pulumi.runtime.setMocks(mocks, project, stack, preview);
  const monitor = pulumi.runtime.getMonitor();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) =>
    register(req, (err, response) => {
      if (!err && response) onRegister(req, response.getUrn());
      callback(err, response);
    });
  return monitor;
}

/** Shown wherever a secret would be; nothing the mock runtime prints is ever a secret. */
const SECRET_PLACEHOLDER = "[secret]";

/** Replaces every secret (as the SDK serializes it) with "[secret]". */
function maskSecrets(value) {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (typeof value === "object" && value !== null) {
    if (pulumi.runtime.isRpcSecret(value)) return SECRET_PLACEHOLDER;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSecrets(v)]));
  }
  return value;
}

module.exports = { placeholder, installMocks, maskSecrets, SECRET_PLACEHOLDER };
