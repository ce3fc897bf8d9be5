/**
 * Prompts: /prompts, one document — the Universal Login experience and its first-factor options
 * (defaults as TestAccPrompt recorded them).
 */
import type { Family } from "./family";
import { singletonHandlers } from "./singletons";

const handlers = singletonHandlers("prompts", { universal_login_experience: "new", identifier_first: false, webauthn_platform_first_factor: true });

export const prompts: Family = {
  routes(r) {
    r.on("GET", "/prompts", handlers.get);
    r.on("PATCH", "/prompts", handlers.patch);
  },
};
