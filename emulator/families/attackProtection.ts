/**
 * Attack protection: brute force, breached passwords, suspicious IP throttling, bot detection and
 * CAPTCHA, each one document under /attack-protection/, starting from what the recorded tenant
 * answered (defaults/attackProtection.json). A PATCH replaces the members it names.
 */
import type { Doc } from "../store";
import type { Family } from "./family";
import { singletonHandlers } from "./singletons";
import defaults from "../defaults/attackProtection.json";

const SHIELDS = defaults as Record<string, Doc>;

export const attackProtection: Family = {
  routes(r) {
    for (const [shield, initial] of Object.entries(SHIELDS)) {
      const handlers = singletonHandlers(`attack-protection/${shield}`, initial, ["stage"]);
      r.on("GET", `/attack-protection/${shield}`, handlers.get);
      r.on("PATCH", `/attack-protection/${shield}`, handlers.patch);
    }
  },
};
