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

export const apiSchema = z.strictObject({
  /** Display name in the dashboard. Defaults to the map key. */
  name: displayName(API_NAME_MAX).optional(),
  /** The audience; cannot be changed once created. */
  identifier: absoluteUrl.refine(...atMost(API_IDENTIFIER_MAX)),
  /** Defaults to RS256. */
  signingAlg: z.enum(SIGNING_ALGS).default("RS256"),
  /** Enforce RBAC (`enforcePolicies`). Defaults to true. */
  rbac: z.boolean().default(true),
  /** Add the `permissions` claim to access tokens (requires rbac). Defaults to true. */
  permissionsInToken: z.boolean().default(true),
  /** Access-token lifetime. Defaults to 86400 (24h). */
  tokenLifetime: duration.default(86_400),
  /** Implicit/hybrid-flow access-token lifetime. Defaults to 7200 (2h). */
  tokenLifetimeForWeb: duration.default(7_200),
  /** Allow refresh tokens (`offline_access`). Defaults to false. */
  allowOfflineAccess: z.boolean().default(false),
  /** Skip the consent screen for first-party applications. Defaults to true. */
  skipConsentForFirstParty: z.boolean().default(true),
  /** Who may get user tokens for this API. Defaults to allow-all. */
  userAccess: z.enum(USER_ACCESS_POLICIES).default("allow-all"),
  /** Who may get client-credentials tokens. Defaults to require-client-grant. */
  clientAccess: z.enum(CLIENT_ACCESS_POLICIES).default("require-client-grant"),
  /** Sender-constrained tokens (DPoP or mTLS). Off unless set. */
  proofOfPossession: z
    .strictObject({
      mechanism: z.enum(["dpop", "mtls"]),
      required: z.boolean().default(false),
    })
    .optional(),
  /** Permissions (scopes) by name, each with its description. */
  permissions: z
    .record(permissionName, z.string().min(1, { message: "describe the permission; Auth0 shows it on consent" }).refine(...atMost(PERMISSION_DESCRIPTION_MAX)))
    .default({}),
});

export const apisSchema = keyedMap(apiSchema).default({});

export type ApiConfig = z.output<typeof apiSchema>;
