import { GRANT_TYPES, type ApplicationType } from "./schema/applications";
import type { ApplicationSpec } from "./spec";

/** Grant types an application gets when its config lists none. */
export const DEFAULT_GRANT_TYPES: Readonly<Record<ApplicationType, readonly string[]>> = {
  spa: [GRANT_TYPES.authorizationCode, GRANT_TYPES.refreshToken],
  native: [GRANT_TYPES.authorizationCode, GRANT_TYPES.refreshToken],
  regular_web: [GRANT_TYPES.authorizationCode, GRANT_TYPES.refreshToken],
  m2m: [GRANT_TYPES.clientCredentials],
};

/**
 * Grant types Auth0 accepts per application type (Auth0 docs, "Application Grant Types":
 * https://auth0.com/docs/get-started/applications/application-grant-types). Public clients
 * (spa, native) cannot hold a secret, so no client_credentials; device_code is native-only;
 * machine-to-machine clients have no user, so only client_credentials and token exchange.
 */
const BROWSER_GRANTS = [GRANT_TYPES.authorizationCode, GRANT_TYPES.implicit, GRANT_TYPES.refreshToken];
/** Password, passwordless and MFA grants: for first-party apps that collect credentials themselves. */
const CREDENTIAL_GRANTS = [
  GRANT_TYPES.password,
  GRANT_TYPES.passwordRealm,
  GRANT_TYPES.mfaOtp,
  GRANT_TYPES.mfaOob,
  GRANT_TYPES.mfaRecoveryCode,
  GRANT_TYPES.passwordlessOtp,
  GRANT_TYPES.tokenExchange,
];

export const ALLOWED_GRANT_TYPES: Readonly<Record<ApplicationType, readonly string[]>> = {
  spa: BROWSER_GRANTS,
  native: [...BROWSER_GRANTS, GRANT_TYPES.deviceCode, ...CREDENTIAL_GRANTS],
  regular_web: [...BROWSER_GRANTS, GRANT_TYPES.clientCredentials, ...CREDENTIAL_GRANTS],
  m2m: [GRANT_TYPES.clientCredentials, GRANT_TYPES.tokenExchange],
};

/** Machine-to-machine grants are for the client itself; interactive apps' grants are for their users. */
export function grantSubjectType(app: ApplicationSpec, configured: "client" | "user" | undefined): "client" | "user" {
  return configured ?? (app.type === "m2m" ? "client" : "user");
}
