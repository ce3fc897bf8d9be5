import { z } from "zod";
import { ENV_FILE_KINDS } from "../../env/lines";
import { describeIssue } from "../zodIssues";
import { keyedMap, secretRef } from "./common";
import { writtenAs } from "./writtenForms";

export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const OIDC_SCOPES = ["openid", "profile", "email", "address", "phone"] as const;

/** A value taken from the tenant's outputs instead of written by hand. */
export const envRefSchema = z.discriminatedUnion(
  "ref",
  [
    z.strictObject({ ref: z.literal("issuer") }),
    z.strictObject({ ref: z.literal("domain") }),
    z.strictObject({ ref: z.literal("jwksUrl") }),
    z.strictObject({ ref: z.literal("managementApiAudience") }),
    z.strictObject({ ref: z.literal("apiIdentifier"), api: z.string() }),
    z.strictObject({ ref: z.literal("clientId"), application: z.string() }),
    z.strictObject({ ref: z.literal("clientSecret"), application: z.string() }),
    z.strictObject({ ref: z.literal("generatedSecret"), name: z.string() }),
    z.strictObject({ ref: z.literal("customDomain") }),
    z.strictObject({ ref: z.literal("organizationId"), organization: z.string() }),
    z.strictObject({ ref: z.literal("logStreamSecret"), logStream: z.string() }),
    z.strictObject({
      ref: z.literal("scopes"),
      application: z.string(),
      api: z.string(),
      /** OIDC scopes requested before the API's permissions. Defaults to openid profile email. */
      oidc: z.array(z.enum(OIDC_SCOPES)).default(["openid", "profile", "email"]),
      /** Append `offline_access` (refresh tokens). Defaults to false. */
      offlineAccess: z.boolean().default(false),
    }),
  ],
  {
    error:
      "unknown reference; use one of issuer, domain, customDomain, jwksUrl, managementApiAudience, apiIdentifier, clientId, clientSecret, organizationId, logStreamSecret, generatedSecret, scopes",
  },
);

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
  z.union([z.string(), z.number(), z.boolean(), secretRef, envRefSchema]),
);

/**
 * One line of an env file: `- NAME: value`, or `- comment: text` (so no variable may be called
 * `comment`).
 */
const entrySchema = z
  .record(z.string().regex(ENV_NAME_PATTERN, { message: "variable names are letters, digits and _, not starting with a digit" }), envValueSchema)
  .refine((entry) => Object.keys(entry).length === 1, { message: "write one variable per list item: - NAME: value" })
  .meta({ minProperties: 1, maxProperties: 1 });

export const envFileSchema = z.strictObject({
  kind: z.enum(ENV_FILE_KINDS),
  /** Where `pulumi up` and `npm run env` write the file, relative to the project directory. */
  path: z.string().min(1).refine((p) => !p.startsWith("/") && !p.includes("\0"), { message: "use a path relative to the project directory" }),
  /** Variables in file order; a list, because Pulumi does not keep the order of map keys. */
  vars: z.array(entrySchema).min(1),
});

export const envFilesSchema = keyedMap(envFileSchema).default({});

export type EnvRef = z.output<typeof envRefSchema>;
export type EnvFileConfig = z.output<typeof envFileSchema>;
