/**
 * Prompts: /prompts, one document — the Universal Login experience and its first-factor options
 * (defaults as TestAccPrompt recorded them) — and each prompt's replaced texts per language
 * (/prompts/{prompt}/custom-text/{language}): `{}` until set, and a PUT replaces the whole
 * document, `{}` clearing it, as TestAccPromptCustomText recorded.
 */
import { objectBody, ok } from "../routes";
import type { Family } from "./family";
import { singletonHandlers } from "./singletons";

const handlers = singletonHandlers("prompts", { universal_login_experience: "new", identifier_first: false, webauthn_platform_first_factor: true });
const TEXTS = "prompt-custom-texts";

export const prompts: Family = {
  routes(r) {
    r.on("GET", "/prompts", handlers.get);
    r.on("PATCH", "/prompts", handlers.patch);
    r.on("GET", "/prompts/:prompt/custom-text/:language", (ctx) => ok(ctx.store.get(TEXTS, `${ctx.params.prompt!}::${ctx.params.language!}`) ?? {}));
    r.on("PUT", "/prompts/:prompt/custom-text/:language", (ctx) => {
      const id = `${ctx.params.prompt!}::${ctx.params.language!}`;
      const body = objectBody(ctx);
      if (Object.keys(body).length === 0) ctx.store.delete(TEXTS, id);
      else ctx.store.put(TEXTS, id, body);
      return ok(body);
    });
  },
};
