import { z } from "zod";
import { TOKEN_EXCHANGE_PROFILE_NAME_MAX, TOKEN_EXCHANGE_PROFILE_NAME_MIN } from "../bounds";
import { KEY_PATTERN, keyedMap, secretRef, boundedText } from "./common";

/**
 * The Action triggers auth0kit deploys to, with the trigger version an Action is built for, the
 * handler its source must export, and whether it is bound with `TriggerActions` (in `order`) or,
 * for custom token exchange, through a token-exchange profile. Versions: Auth0's current ones
 * (GET /api/v2/actions/triggers).
 */
export const ACTION_TRIGGERS = {
  "post-login": { version: "v3", handler: "onExecutePostLogin", bound: "trigger" },
  "credentials-exchange": { version: "v2", handler: "onExecuteCredentialsExchange", bound: "trigger" },
  "pre-user-registration": { version: "v2", handler: "onExecutePreUserRegistration", bound: "trigger" },
  "post-user-registration": { version: "v2", handler: "onExecutePostUserRegistration", bound: "trigger" },
  "post-change-password": { version: "v2", handler: "onExecutePostChangePassword", bound: "trigger" },
  "send-phone-message": { version: "v2", handler: "onExecuteSendPhoneMessage", bound: "trigger" },
  "custom-token-exchange": { version: "v1", handler: "onExecuteCustomTokenExchange", bound: "profile" },
} as const;
export type ActionTrigger = keyof typeof ACTION_TRIGGERS;
const TRIGGER_NAMES = Object.keys(ACTION_TRIGGERS) as [ActionTrigger, ...ActionTrigger[]];

/** Node runtimes Auth0 still accepts for new Action versions (node12/node16 are deprecated). */
export const ACTION_RUNTIMES = ["node18", "node22"] as const;

/** Action secret names, as the code reads them from `event.secrets`. */
export const ACTION_SECRET_NAME = /^[A-Z][A-Z0-9_]*$/;

/** `actions/<name>.js`, relative to the project root, no `..`. */
export const ACTION_SOURCE_PATTERN = /^actions\/([A-Za-z0-9_-]+\/)*[A-Za-z0-9_.-]+\.js$/;

const NPM_NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;

/**
 * Where one Action secret's value comes from. Values are wired from config and from the tenant's
 * own resources, never pasted: a client secret is `{ clientSecret: <appKey> }`, an operator's
 * secret is `{ secret: <key> }` (set with `pulumi config set --secret`).
 */
export const actionSecretSource = z
  .union(
    [
      z.strictObject({ value: z.string().describe("The text itself; not for secrets.") }),
      secretRef,
      z.strictObject({ clientId: z.string().regex(KEY_PATTERN).describe("The key of an application whose client ID this is.") }),
      z.strictObject({
        clientSecret: z.string().regex(KEY_PATTERN).describe("The key of an application with client_credentials whose client secret this is."),
      }),
      z.strictObject({ apiIdentifier: z.string().regex(KEY_PATTERN).describe("The key of an API whose identifier (audience) this is.") }),
      z.strictObject({ domain: z.literal(true).describe("The tenant's canonical domain.") }),
      z.strictObject({ issuer: z.literal(true).describe("The tenant's issuer, https://<custom domain or domain>/: what tokens carry in iss.") }),
    ],
    {
      error:
        "must be one of { value: <text> }, { secret: <config key> }, { clientId: <application key> }, { clientSecret: <application key> }, { apiIdentifier: <API key> }, { domain: true }, { issuer: true }",
    },
  )
  .describe("Where the secret's value comes from: a literal, a secret config key, or a value of the tenant's own applications and APIs.");
export type ActionSecretSource = z.output<typeof actionSecretSource>;

const tokenExchangeProfileSchema = z
  .strictObject({
    name: boundedText(TOKEN_EXCHANGE_PROFILE_NAME_MAX)
      .min(TOKEN_EXCHANGE_PROFILE_NAME_MIN, { message: `Auth0 needs at least ${TOKEN_EXCHANGE_PROFILE_NAME_MIN} characters` })
      .optional()
      .describe(`The profile's name, ${TOKEN_EXCHANGE_PROFILE_NAME_MIN} to ${TOKEN_EXCHANGE_PROFILE_NAME_MAX} characters. Defaults to the Action's name.`),
    subjectTokenType: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, { message: "must be a URI you own, e.g. urn:alphaswarm:agent-delegation" })
      .describe(
        "The subject_token_type this profile routes to the Action: a URI you own, e.g. urn:acme:legacy-token (not urn:ietf, urn:auth0, urn:okta, auth0.com or okta.com); unique in the tenant.",
      ),
    audiences: z
      .array(z.string().min(1).describe("The key of an API in auth0kit:apis."))
      .min(1)
      .optional()
      .describe(
        "The APIs (keys in auth0kit:apis) the exchange may issue tokens for. Auth0 has no lifetime per exchange: a token lives its API's tokenLifetime, so delegation gets its own short-lived APIs and the Action, given their identifiers as the secret DELEGATION_AUDIENCES, refuses any other requested audience (invalid_target). Each must accept tokens for users; with userAccess require-client-grant, an application allowed custom_authentication needs a grant with subjectType user on it. Defaults to unset (any API the application may get tokens for).",
      ),
  })
  .describe(
    "custom-token-exchange Actions only, required there: the token-exchange profile that routes a subject token type to this Action; some application must allow custom_authentication.",
  );

export const actionSchema = z
  .strictObject({
    name: boundedText().optional().describe("The Action's name in Auth0, unique in the tenant. Defaults to the map key."),
    source: z
      .string()
      .regex(ACTION_SOURCE_PATTERN, {
        message: "must be a .js file under actions/, relative to the project root, e.g. actions/post-login.js",
      })
      .describe("The Action's code: a .js file under actions/, relative to the project root, deployed byte for byte; it must export the trigger's handler."),
    trigger: z
      .enum(TRIGGER_NAMES)
      .describe(
        "The flow the Action runs in: post-login (v3), credentials-exchange, pre-user-registration, post-user-registration, post-change-password, send-phone-message (v2), or custom-token-exchange (v1).",
      ),
    order: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe("Position in the trigger's flow, 1 runs first; unique per trigger. Required for every trigger but custom-token-exchange, which takes none."),
    runtime: z.enum(ACTION_RUNTIMES).default("node22").describe("Node.js runtime: node22 or node18. Defaults to node22."),
    secrets: z
      .record(z.string().regex(ACTION_SECRET_NAME, { message: "secret names are UPPER_SNAKE_CASE, e.g. BACKEND_URL" }), actionSecretSource)
      .default({})
      .describe(
        "The Action's event.secrets, by UPPER_SNAKE_CASE name; never pasted values. Unless set, FAIL_CLOSED is added (\"true\" in stage and prod, \"false\" in dev and local; not for custom-token-exchange) and SUBJECT_TOKEN_TYPE for custom-token-exchange Actions.",
      ),
    dependencies: z
      .record(
        z.string().regex(NPM_NAME, { message: "must be an npm package name, e.g. jose or @scope/name" }),
        z.string().min(1).describe("The package's version."),
      )
      .default({})
      .describe("npm packages the Action requires: name → version. Defaults to none."),
    tokenExchangeProfile: tokenExchangeProfileSchema.optional(),
  })
  .describe("One Action deployed from actions/.");
export type ActionConfig = z.output<typeof actionSchema>;

export const actionsSchema = keyedMap(actionSchema)
  .default({})
  .describe("Auth0 Actions deployed from actions/, by key: source, trigger, order, secrets, dependencies (docs/actions.md).");
