import { z } from "zod";
import { API_IDENTIFIER_MAX, API_NAME_MAX, PERMISSION_DESCRIPTION_MAX, PERMISSION_NAME_MAX } from "../bounds";
import { echo } from "../issues";
import { absoluteUrl, atMost, displayName, duration, keyedMap } from "./common";

/** `verb:resource` style, colon-separated, no spaces (e.g. `read:portfolio`, `read:mcp:data`). */
export const PERMISSION_PATTERN = /^[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)+$/;

export const SIGNING_ALGS = ["RS256", "PS256", "HS256"] as const;
export const USER_ACCESS_POLICIES = ["allow-all", "require-client-grant", "deny-all"] as const;
export const CLIENT_ACCESS_POLICIES = ["require-client-grant", "deny-all"] as const;

const permissionName = z
  .string()
  .regex(PERMISSION_PATTERN, {
    error: (issue) => `${echo(String(issue.input))} is not a well-formed permission; use verb:resource with no spaces, e.g. read:portfolio`,
  })
  .max(PERMISSION_NAME_MAX, { message: `Auth0 accepts permission names of at most ${PERMISSION_NAME_MAX} characters; shorten it` });

export const apiSchema = z
  .strictObject({
    name: displayName(API_NAME_MAX)
      .optional()
      .describe(`The API's display name in the Auth0 Dashboard; no < or >, at most ${API_NAME_MAX} characters. Defaults to the map key.`),
    identifier: absoluteUrl
      .refine(...atMost(API_IDENTIFIER_MAX))
      .describe(`The API's identifier: the audience clients request tokens for, an absolute URL of at most ${API_IDENTIFIER_MAX} characters. Auth0 cannot change it once created.`),
    signingAlg: z.enum(SIGNING_ALGS).default("RS256").describe("Algorithm access tokens are signed with: RS256, PS256 or HS256. Defaults to RS256."),
    rbac: z.boolean().default(true).describe("Enforce role-based access control (Auth0's enforce_policies): users get only the permissions their roles grant. Defaults to true."),
    permissionsInToken: z
      .boolean()
      .default(true)
      .describe("Add the permissions claim to access tokens (Auth0's TOKEN_DIALECT access_token_authz); needs rbac. Defaults to true."),
    tokenLifetime: duration.default(86_400).describe("Access-token lifetime. Defaults to 86400 (24h); Auth0 allows at most 30d."),
    tokenLifetimeForWeb: duration
      .default(7_200)
      .describe("Lifetime of access tokens issued through the browser (implicit and hybrid flows); at most tokenLifetime. Defaults to 7200 (2h)."),
    allowOfflineAccess: z.boolean().default(false).describe("Let applications request refresh tokens (the offline_access scope) for this API. Defaults to false."),
    skipConsentForFirstParty: z.boolean().default(true).describe("Skip the consent screen for first-party applications. Defaults to true."),
    userAccess: z
      .enum(USER_ACCESS_POLICIES)
      .default("allow-all")
      .describe("Which applications may get tokens for users of this API: allow-all, require-client-grant or deny-all. Defaults to allow-all."),
    clientAccess: z
      .enum(CLIENT_ACCESS_POLICIES)
      .default("require-client-grant")
      .describe("Which applications may get client-credentials tokens: require-client-grant (only those granted it) or deny-all. Defaults to require-client-grant."),
    proofOfPossession: z
      .strictObject({
        mechanism: z.enum(["dpop", "mtls"]).describe("How tokens are bound to the client's key: dpop (DPoP proofs) or mtls (the client's TLS certificate)."),
        required: z.boolean().default(false).describe("Refuse requests without proof of possession. Defaults to false."),
      })
      .optional()
      .describe("Sender-constrained access tokens (DPoP or mTLS). Defaults to off."),
    permissions: z
      .record(permissionName, z
          .string()
          .min(1, { message: "describe the permission; Auth0 shows it on consent" })
          .refine(...atMost(PERMISSION_DESCRIPTION_MAX))
          .describe(`What the permission allows, at most ${PERMISSION_DESCRIPTION_MAX} characters; Auth0 shows it on the consent screen.`))
      .default({})
      .describe("The API's permissions (scopes): verb:resource name → description, e.g. read:portfolio. Names are unique ignoring case. Defaults to none."),
  })
  .describe("One API (Auth0 resource server).");

export const apisSchema = keyedMap(apiSchema)
  .default({})
  .describe("The tenant's APIs (Auth0 resource servers), by key: audience, signing, RBAC, token lifetimes and permissions.");

export type ApiConfig = z.output<typeof apiSchema>;
