import { z } from "zod";
import { ENV_FILE_KINDS } from "../../env/lines";
import { describeIssue } from "../zodIssues";
import { keyedMap, secretRef } from "./common";
import { writtenAs } from "./writtenForms";

export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const OIDC_SCOPES = ["openid", "profile", "email", "address", "phone"] as const;

/** A value taken from the tenant's outputs instead of written by hand. */
const key = (what: string) => z.string().describe(`The key of the ${what} in this stack.`);

export const envRefSchema = z
  .discriminatedUnion(
    "ref",
    [
      z.strictObject({ ref: z.literal("issuer") }).describe("The issuer, https://<domain>/ (the custom domain's when it is used for the issuer)."),
      z.strictObject({ ref: z.literal("domain") }).describe("The tenant's canonical domain."),
      z.strictObject({ ref: z.literal("jwksUrl") }).describe("The JWKS URL, <issuer>.well-known/jwks.json."),
      z.strictObject({ ref: z.literal("managementApiAudience") }).describe("The Management API's audience, https://<auth0:domain>/api/v2/."),
      z.strictObject({ ref: z.literal("apiIdentifier"), api: key("API") }).describe("An API's identifier (audience)."),
      z.strictObject({ ref: z.literal("clientId"), application: key("application") }).describe("An application's client ID."),
      z
        .strictObject({ ref: z.literal("clientSecret"), application: key("application") })
        .describe("A confidential application's client secret; backend files only."),
      z.strictObject({ ref: z.literal("generatedSecret"), name: key("generated secret") }).describe("A value of auth0kit:generatedSecrets."),
      z.strictObject({ ref: z.literal("customDomain") }).describe("The custom domain's host."),
      z.strictObject({ ref: z.literal("organizationId"), organization: key("organization") }).describe("An organization's ID."),
      z.strictObject({ ref: z.literal("roleId"), role: key("role") }).describe("A role's ID."),
      z.strictObject({ ref: z.literal("logStreamSecret"), logStream: key("webhook log stream") }).describe("A webhook log stream's bearer secret."),
      z.strictObject({ ref: z.literal("enforcement") }).describe("auth0kit:rollout.enforcement: permissive or strict."),
      z
        .strictObject({
          ref: z.literal("scopes"),
          application: key("application"),
          api: key("API"),
          oidc: z
            .array(z.enum(OIDC_SCOPES))
            .default(["openid", "profile", "email"])
            .describe("OIDC scopes requested before the API's permissions. Defaults to openid profile email."),
          offlineAccess: z.boolean().default(false).describe("Append offline_access (refresh tokens; needs allowOfflineAccess on the API). Defaults to false."),
        })
        .describe("The scopes string: the OIDC scopes, the permissions of that API granted to the application in config order, then offline_access."),
    ],
    {
      error:
        "unknown reference; use one of issuer, domain, customDomain, jwksUrl, managementApiAudience, apiIdentifier, clientId, clientSecret, organizationId, roleId, logStreamSecret, generatedSecret, enforcement, scopes",
    },
  )
  .describe("A value taken from the tenant's outputs instead of written by hand.");

/**
 * A variable's value: a literal (string, number or boolean, written as text), `{ secret: <key> }`
 * or `{ ref: … }`. Dispatched by shape so that a mistake inside a reference is reported there.
 */
const envValueSchema = writtenAs(
  z.unknown().transform((value, ctx) => {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
    const schema = typeof value === "object" && value !== null && "ref" in value ? envRefSchema : typeof value === "object" && value !== null && "secret" in value ? secretRef : undefined;
    if (schema === undefined) {
      ctx.addIssue({ code: "custom", message: "expected a literal, { secret: <key> } or { ref: … }" });
      return z.NEVER;
    }
    const result = schema.safeParse(value, { error: describeIssue });
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  }),
  z.union([
    z.string().describe("Literal text."),
    z.number().describe("A number, written as text."),
    z.boolean().describe("true or false, written as text."),
    secretRef,
    envRefSchema,
  ]),
).describe("The variable's value: a literal (text, number or boolean, written as text), { secret: <key> }, or { ref: … }.");

/**
 * One line of an env file: `- NAME: value`, or `- comment: text` (so no variable may be called
 * `comment`).
 */
const entrySchema = z
  .record(z.string().regex(ENV_NAME_PATTERN, { message: "variable names are letters, digits and _, not starting with a digit" }), envValueSchema)
  .refine((entry) => Object.keys(entry).length === 1, { message: "write one variable per list item: - NAME: value" })
  .meta({ minProperties: 1, maxProperties: 1 });

export const envFileSchema = z
  .strictObject({
    kind: z
      .enum(ENV_FILE_KINDS)
      .describe("Who reads the file: backend, frontend or cli. A frontend file can never hold a secret (it ends up in the browser bundle)."),
    path: z
      .string()
      .min(1)
      .refine((p) => !p.startsWith("/") && !/^[A-Za-z]:/.test(p), { message: "use a path relative to the project directory" })
      .refine((p) => !p.includes("\\"), { message: "use / to separate directories" })
      .describe("Where pulumi up and npm run env write the file, relative to the project directory, with / between directories and inside auth0kit:workspaceRoot; an example file with secrets blank goes beside it as <path>.example."),
    vars: z
      .array(entrySchema)
      .min(1)
      .describe(
        "The file's lines in order (a list, because Pulumi does not keep the order of map keys): each item is - NAME: literal, - NAME: { secret: <key> }, - NAME: { ref: … }, or - comment: text.",
      ),
  })
  .describe("One .env file a deployment consumes.");

export const envFilesSchema = keyedMap(envFileSchema)
  .default({})
  .describe("The .env files deployments consume, by key: written atomically with mode 0600 on pulumi up, never on preview.");

/**
 * `auth0kit:workspaceRoot`: the directory every env file must stay inside, relative to the
 * project directory (where Pulumi.yaml is). Defaults to the project directory itself; a stack that
 * writes beside the project (`../alphaswarm/.env`) declares the sibling it writes into.
 */
export const workspaceRootSchema = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith("/") && !/^[A-Za-z]:/.test(p), { message: "use a path relative to the project directory, e.g. ../alphaswarm" })
  .refine((p) => !p.includes("\\"), { message: "use / to separate directories" })
  .default(".")
  .describe("auth0kit:workspaceRoot: the directory every env file must stay inside, relative to the project directory (e.g. ../alphaswarm for a sibling checkout). Defaults to the project directory.");

export type EnvRef = z.output<typeof envRefSchema>;
export type EnvFileConfig = z.output<typeof envFileSchema>;
