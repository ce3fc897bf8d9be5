/**
 * Auth0's documented bounds, in the units the Management API uses. The provider checks none of
 * them at plan time (its schema has no ranges), so a value outside them would only fail during
 * `pulumi up`, halfway through a change; validation catches it first.
 */

/** API access tokens: "Default value is 86,400 seconds (24 hours). Maximum value is 2,592,000
 *  seconds (30 days)." https://auth0.com/docs/secure/tokens/access-tokens/update-access-token-lifetime */
export const API_TOKEN_LIFETIME_MAX = 2_592_000;

/** Refresh tokens: the Management API's client schema caps `refresh_token.token_lifetime` at
 *  157,788,000 seconds (5 years); the idle lifetime nests inside it.
 *  https://auth0.com/docs/api/management/v2/clients/post-clients (ClientRefreshTokenConfiguration) */
export const REFRESH_TOKEN_LIFETIME_MAX = 157_788_000;

/** Tenant sessions, in hours (the unit of `session_lifetime` / `idle_session_lifetime`).
 *  "Require log in after … 30 days for Essential or Professional or 365 days for enterprise plans";
 *  "Inactivity timeout … 3 days for Essential or Professional or 100 days for enterprise plans".
 *  Longer values are silently superseded by these limits, so the widest (Enterprise) are errors
 *  here. https://auth0.com/docs/manage-users/sessions/configure-session-lifetime-settings */
export const SESSION_LIFETIME_MAX_HOURS = 8_760;
export const IDLE_SESSION_LIFETIME_MAX_HOURS = 2_400;

/** auth0kit's own cap on any one text in a stack file, where Auth0 documents none for the field:
 *  far above every real value (a PEM certificate is about 2,000 characters), far below what would
 *  make a plan, a log line or an error message unreadable. Not an Auth0 limit. */
export const STRING_MAX = 8_192;
