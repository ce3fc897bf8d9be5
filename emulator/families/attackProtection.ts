/**
 * Attack protection: brute force, breached passwords, suspicious IP throttling, bot detection and
 * CAPTCHA, each one document under /attack-protection/, starting from what the recorded tenant
 * answered (defaults/attackProtection.json). A PATCH replaces the members it names.
 */
import { isObject, type Handler } from "../routes";
import type { Doc } from "../store";
import type { Family } from "./family";
import { singletonHandlers } from "./singletons";
import defaults from "../defaults/attackProtection.json";

const SHIELDS = defaults as Record<string, Doc>;

/** CAPTCHA providers' secrets are write-only: stored, never answered (TestAccAttackProtectionCaptcha). */
function withoutSecrets(reply: ReturnType<Handler>): ReturnType<Handler> {
  const body = reply.body as Doc;
  const shown = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, isObject(v) && "secret" in v ? Object.fromEntries(Object.entries(v).filter(([m]) => m !== "secret")) : v]));
  return { ...reply, body: shown };
}

export const attackProtection: Family = {
  routes(r) {
    for (const [shield, initial] of Object.entries(SHIELDS)) {
      const handlers = singletonHandlers(`attack-protection/${shield}`, initial, ["stage"]);
      const shown = (handler: Handler): Handler => (shield === "captcha" ? (ctx) => withoutSecrets(handler(ctx)) : handler);
      r.on("GET", `/attack-protection/${shield}`, shown(handlers.get));
      r.on("PATCH", `/attack-protection/${shield}`, shown(handlers.patch));
    }
  },
};
