import { z } from "zod";
import { KEY_PATTERN, keyedMap, secretRef } from "./common";

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
export const actionSecretSource = z.union(
  [
    z.strictObject({ value: z.string() }),
    secretRef,
    z.strictObject({ clientId: z.string().regex(KEY_PATTERN) }),
    z.strictObject({ clientSecret: z.string().regex(KEY_PATTERN) }),
    z.strictObject({ apiIdentifier: z.string().regex(KEY_PATTERN) }),
    z.strictObject({ domain: z.literal(true) }),
    /** The tenant's issuer, `https://<custom domain or domain>/`: what tokens carry in `iss`. */
    z.strictObject({ issuer: z.literal(true) }),
  ],
  {
    error:
      "must be one of { value: <text> }, { secret: <config key> }, { clientId: <application key> }, { clientSecret: <application key> }, { apiIdentifier: <API key> }, { domain: true }, { issuer: true }",
  },
);
export type ActionSecretSource = z.output<typeof actionSecretSource>;

const tokenExchangeProfileSchema = z.strictObject({
  /** Profile name. Defaults to the Action's name. */
  name: z.string().min(1).optional(),
  /** The `subject_token_type` this profile handles: a URI you own, e.g. urn:acme:legacy-token. */
  subjectTokenType: z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, { message: "must be a URI you own, e.g. urn:alphaswarm:agent-delegation" }),
});

export const actionSchema = z.strictObject({
  /** Action name in Auth0. Defaults to the map key. */
  name: z.string().min(1).optional(),
  /** The Action's code, a file under actions/ (relative to the project root), deployed byte for byte. */
  source: z.string().regex(ACTION_SOURCE_PATTERN, {
    message: "must be a .js file under actions/, relative to the project root, e.g. actions/post-login.js",
  }),
  trigger: z.enum(TRIGGER_NAMES),
  /** Position in the trigger's flow (1 runs first); required for every trigger but custom-token-exchange. */
  order: z.number().int().min(1).optional(),
  /** Node runtime. Defaults to node22. */
  runtime: z.enum(ACTION_RUNTIMES).default("node22"),
  /** `event.secrets`, by name. Defaults to none (plus FAIL_CLOSED / SUBJECT_TOKEN_TYPE, see docs/configuration.md). */
  secrets: z.record(z.string().regex(ACTION_SECRET_NAME, { message: "secret names are UPPER_SNAKE_CASE, e.g. BACKEND_URL" }), actionSecretSource).default({}),
  /** npm packages the Action requires: name → version. Defaults to none. */
  dependencies: z.record(z.string().regex(NPM_NAME, { message: "must be an npm package name, e.g. jose or @scope/name" }), z.string().min(1)).default({}),
  /** For custom-token-exchange Actions: the profile that routes a subject token type to this Action. */
  tokenExchangeProfile: tokenExchangeProfileSchema.optional(),
});
export type ActionConfig = z.output<typeof actionSchema>;

export const actionsSchema = keyedMap(actionSchema).default({});
