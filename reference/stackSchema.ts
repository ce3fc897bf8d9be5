import { z } from "zod";
import { DOMAIN_PATTERN, EMULATOR_DOMAIN, KEY_SCHEMAS, NAMESPACE, PROVIDER_SECRET_KEYS } from "../config/load";
import { writtenFormOf } from "../config/schema/writtenForms";
import type { STACK_FILE_KEYS } from "../plan/stackFile";

/** A JSON Schema (draft-07) object, as `z.toJSONSchema` produces it. */
export type JsonSchema = { [keyword: string]: unknown };

/**
 * Draft-07, because it is the newest draft the Red Hat YAML language server (VS Code) supports and
 * JetBrains IDEs read it too.
 */
const TARGET = "draft-7";

/** Where `npm run schema` writes the JSON Schema, relative to the project root. */
export const SCHEMA_FILE = "schema/stack.schema.json";

/** An encrypted value, as `pulumi config set --secret` writes it into a stack file. */
const secureValue = z
  .strictObject({ secure: z.string().min(1).describe("The ciphertext Pulumi wrote; only Pulumi decrypts it.") })
  .meta({ title: "secure value" })
  .describe("An encrypted value: set it with pulumi config set --secret <key> <value>, never by hand.");

/**
 * The Auth0 provider's own keys that auth0kit reads or guards (the provider reads the AUTH0_*
 * environment variables instead when a key is unset). Secret ones must be `secure:` values.
 */
const PROVIDER_KEYS: Record<string, z.ZodType> = {
  "auth0:domain": z
    .string()
    .regex(new RegExp(`^(?:${DOMAIN_PATTERN.source.slice(1, -1)}|${EMULATOR_DOMAIN.source.slice(1, -1)})$`))
    .describe(
      "The tenant's canonical domain, e.g. alphaswarm-dev.us.auth0.com (or AUTH0_DOMAIN). Required except in local stacks. The issuer is https://<domain>/ and the JWKS URL https://<domain>/.well-known/jwks.json unless the custom domain is used for the issuer; the Management API audience is always https://<domain>/api/v2/. Outside prod it may be the local emulator's 127.0.0.1:<port> or localhost:<port>.",
    ),
  "auth0:clientId": z
    .string()
    .min(1)
    .describe("The client ID of the machine-to-machine application Pulumi manages the tenant with (or AUTH0_CLIENT_ID)."),
  "auth0:clientSecret": secureValue.describe("That application's client secret (or AUTH0_CLIENT_SECRET); only ever a secure value."),
  "auth0:apiToken": secureValue.describe("A Management API token the provider may use instead of client credentials; only ever a secure value."),
  "auth0:clientAssertionPrivateKey": secureValue.describe("The private key for Private Key JWT client authentication; only ever a secure value."),
};

/** Top-level keys Pulumi itself writes into a stack file besides `config:`. */
const PULUMI_KEYS: Record<Exclude<(typeof STACK_FILE_KEYS)[number], "config">, z.ZodType> = {
  secretsprovider: z.string().describe("The secrets provider that encrypts this stack's secure values (pulumi stack change-secrets-provider)."),
  encryptedkey: z.string().describe("The data key of a cloud secrets provider, encrypted by it; written by Pulumi."),
  encryptionsalt: z.string().describe("The salt of the passphrase secrets provider; written by Pulumi."),
  environment: z
    .union([z.array(z.string()), z.looseObject({})])
    .describe("Pulumi ESC environments this stack imports. The offline plan reads only this file's config:, not the environments' values."),
};

/** The JSON Schema of one zod schema, as a stack file writes it (its input side). */
export function jsonSchemaOf(schema: z.core.$ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: "input", target: TARGET, unrepresentable: "throw", override: writtenForm }) as JsonSchema;
  delete json.$schema;
  return json;
}

/**
 * Replaces what zod derives with the registered written form where there is one, keeps a
 * default zod leaves out (it omits defaults of transformed values; kept when the default is also
 * a valid input), and refuses patterns whose flags JSON Schema cannot carry.
 */
function writtenForm(ctx: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }): void {
  const schema = ctx.zodSchema;
  for (const check of schema._zod.def.checks ?? []) {
    const { pattern } = check._zod.def as { pattern?: unknown };
    if (pattern instanceof RegExp && pattern.flags !== "") {
      throw new Error(`pattern ${String(pattern)} has flags, which JSON Schema cannot carry; spell the cases out instead, e.g. [A-Za-z]`);
    }
  }
  const written = writtenFormOf(schema);
  if (written !== undefined) {
    for (const keyword of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[keyword];
    Object.assign(ctx.jsonSchema, jsonSchemaOf(written), z.globalRegistry.get(schema) ?? {});
  }
  // z.int()'s safe-integer bounds say nothing a stack file's author needs.
  if (ctx.jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete ctx.jsonSchema.maximum;
  if (ctx.jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete ctx.jsonSchema.minimum;
  if (schema instanceof z.ZodDefault && !("default" in ctx.jsonSchema)) {
    const value: unknown = schema.def.defaultValue;
    if (z.safeParse(schema, value).success) ctx.jsonSchema.default = value;
  }
}

/**
 * The JSON Schema of a stack file (`Pulumi.<stack>.yaml`), generated from the schemas the program
 * validates with: every `auth0kit:` key, the provider keys, secret config keys (`secure:` values
 * only) and keys of other namespaces (other providers' settings, which auth0kit does not read).
 */
export function stackFileSchema(): JsonSchema {
  const knownKeys = Object.keys(KEY_SCHEMAS);
  const properties: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(KEY_SCHEMAS)) properties[`${NAMESPACE}:${name}`] = jsonSchemaOf(schema as z.ZodType);
  for (const [key, schema] of Object.entries(PROVIDER_KEYS)) properties[key] = jsonSchemaOf(schema);
  const otherProviderKeys = `^auth0:(?!(?:${Object.keys(PROVIDER_KEYS).map((key) => key.slice("auth0:".length)).join("|")})$)`;
  const config: JsonSchema = {
    type: "object",
    description: `The stack's configuration: ${NAMESPACE}:* keys describe the tenant, auth0:* keys configure the Auth0 provider.`,
    properties,
    patternProperties: {
      // Secret config values, referenced from the settings as { secret: <key> }.
      [`^${NAMESPACE}:(?!(?:${knownKeys.join("|")})$)[a-z][A-Za-z0-9]*$`]: {
        ...jsonSchemaOf(secureValue),
        description: `A secret that a setting references as { secret: <key> }; set it with pulumi config set --secret ${NAMESPACE}:<key> <value>.`,
      },
      // Other settings of the Auth0 provider, and other namespaces: not read by auth0kit.
      [otherProviderKeys]: {},
      [`^(?!(?:${NAMESPACE}|auth0):)[^:]+:.+$`]: {},
    },
    required: [`${NAMESPACE}:environment`],
    additionalProperties: false,
  };
  for (const key of PROVIDER_SECRET_KEYS) {
    if (!(key in PROVIDER_KEYS)) throw new Error(`${key} is guarded as a provider secret but has no schema here`);
  }
  const topLevel: Record<string, JsonSchema> = { config };
  for (const [key, schema] of Object.entries(PULUMI_KEYS)) topLevel[key] = jsonSchemaOf(schema);
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: `${NAMESPACE} stack file (Pulumi.<stack>.yaml)`,
    description: `Generated from config/schema/ by npm run schema; do not edit. Reference: docs/configuration.md.`,
    type: "object",
    properties: topLevel,
    required: ["config"],
    additionalProperties: false,
  };
}

/** The committed file's text: deterministic, because zod keeps the schemas' declaration order. */
export function renderStackFileSchema(): string {
  return `${JSON.stringify(stackFileSchema(), null, 2)}\n`;
}
