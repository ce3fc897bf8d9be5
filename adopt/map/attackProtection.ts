/**
 * The three attack-protection settings → `auth0kit:attackProtection`. In stage and prod all three
 * are managed, so all three are written; in dev they are written only when one is turned on or off
 * unlike on a new Auth0 tenant (otherwise the stack leaves them as they are, as auth0kit's dev
 * default does).
 */
import { kebab, num, obj, sameSet, strings, type Json } from "../json";

/** What Auth0 gives a new tenant, where the schema leaves a field to Auth0. */
const AUTH0 = {
  bruteForce: { enabled: true, maxAttempts: 10 },
  breachedPasswords: { enabled: false, adminNotificationFrequency: ["daily", "immediately", "monthly", "weekly"], signupShields: ["admin-notification", "block"] },
  suspiciousIpThrottling: { enabled: false, preLogin: { maxAttempts: 100, rate: 864_000 }, preUserRegistration: { maxAttempts: 50, rate: 1_200 } },
};
/** The schema's defaults: lists equal to these are left out. */
const SCHEMA_SHIELDS = {
  bruteForce: ["block", "user-notification"],
  breachedPasswords: ["block", "user-notification"],
  suspiciousIpThrottling: ["admin-notification", "block"],
};

export function adoptAttackProtection(
  settings: { readonly bruteForce: Json; readonly breachedPasswords: Json; readonly suspiciousIpThrottling: Json },
  productionLike: boolean,
): Json | undefined {
  const bruteForce = bruteForceConfig(settings.bruteForce);
  const breachedPasswords = breachedPasswordsConfig(settings.breachedPasswords);
  const suspiciousIpThrottling = suspiciousIpThrottlingConfig(settings.suspiciousIpThrottling);
  const asNewTenant =
    bruteForce.enabled === AUTH0.bruteForce.enabled &&
    breachedPasswords.enabled === AUTH0.breachedPasswords.enabled &&
    suspiciousIpThrottling.enabled === AUTH0.suspiciousIpThrottling.enabled;
  if (!productionLike && asNewTenant) return undefined;
  return { bruteForce, breachedPasswords, suspiciousIpThrottling };
}

/** `enabled`, always written, and the shields unless they are the schema's default. */
function section(setting: Json, schemaShields: readonly string[]): Json {
  const shields = strings(setting.shields).map(kebab);
  return { enabled: setting.enabled === true, ...(!sameSet(shields, schemaShields) && { shields: shields.sort() }) };
}

function bruteForceConfig(setting: Json): Json {
  const config = section(setting, SCHEMA_SHIELDS.bruteForce);
  if (setting.mode === "count_per_identifier") config.mode = "count-per-identifier";
  const max = num(setting.max_attempts);
  if (max !== undefined && max !== AUTH0.bruteForce.maxAttempts) config.maxAttempts = max;
  const allowlist = strings(setting.allowlist);
  if (allowlist.length > 0) config.allowlist = allowlist;
  return config;
}

function breachedPasswordsConfig(setting: Json): Json {
  const config = section(setting, SCHEMA_SHIELDS.breachedPasswords);
  const frequency = strings(setting.admin_notification_frequency);
  if (frequency.length > 0 && !sameSet(frequency, AUTH0.breachedPasswords.adminNotificationFrequency)) config.adminNotificationFrequency = frequency.sort();
  if (setting.method === "enhanced") config.method = "enhanced";
  const signup = strings(obj(obj(setting.stage)?.["pre-user-registration"])?.shields).map(kebab);
  if (signup.length > 0 && !sameSet(signup, AUTH0.breachedPasswords.signupShields)) config.signupShields = signup.sort();
  return config;
}

function suspiciousIpThrottlingConfig(setting: Json): Json {
  const config = section(setting, SCHEMA_SHIELDS.suspiciousIpThrottling);
  const allowlist = strings(setting.allowlist);
  if (allowlist.length > 0) config.allowlist = allowlist;
  const stage = obj(setting.stage);
  for (const [field, name] of [["preLogin", "pre-login"], ["preUserRegistration", "pre-user-registration"]] as const) {
    const throttle = obj(stage?.[name]);
    const maxAttempts = num(throttle?.max_attempts);
    const rate = num(throttle?.rate);
    const auth0 = AUTH0.suspiciousIpThrottling[field];
    const written = { ...(maxAttempts !== undefined && maxAttempts !== auth0.maxAttempts && { maxAttempts }), ...(rate !== undefined && rate !== auth0.rate && { rate }) };
    if (Object.keys(written).length > 0) config[field] = written;
  }
  return config;
}
