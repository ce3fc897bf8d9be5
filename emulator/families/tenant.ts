/**
 * Tenant settings: /tenants/settings, one document. Starts as the recorded tenant's settings
 * (defaults/tenantSettings.json); `flags` and the other settings objects merge on PATCH, and a
 * null removes a setting.
 */
import type { Doc } from "../store";
import type { Family } from "./family";
import { singletonHandlers } from "./singletons";
import tenantSettings from "../defaults/tenantSettings.json";

const MERGED = ["flags", "change_password", "guardian_mfa_page", "error_page", "session_cookie", "sessions", "oidc_logout", "mtls", "universal_login"];

const handlers = singletonHandlers("tenant-settings", tenantSettings as Doc, MERGED);

export const tenant: Family = {
  routes(r) {
    r.on("GET", "/tenants/settings", handlers.get);
    r.on("PATCH", "/tenants/settings", handlers.patch);
  },
};
