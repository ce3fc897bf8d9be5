/**
 * Settings documents the tenant has exactly one of (tenant settings, each attack-protection
 * shield, prompts, branding): read from the store, starting from the defaults the recorded tenants
 * answered with, and patched with Auth0's PATCH semantics.
 */
import { clone, objectBody, ok, patch, type Handler, type RequestContext } from "../routes";
import type { Doc } from "../store";

export function readSingleton(ctx: RequestContext, name: string, defaults: Doc): Doc {
  return ctx.store.singleton(name, () => clone(defaults));
}

/** GET and PATCH handlers for one singleton; `merged` names members that merge rather than replace. */
export function singletonHandlers(name: string, defaults: Doc, merged: readonly string[] = []): { get: Handler; patch: Handler } {
  return {
    get: (ctx) => ok(readSingleton(ctx, name, defaults)),
    patch: (ctx) => {
      const next = patch(readSingleton(ctx, name, defaults), objectBody(ctx), merged);
      ctx.store.setSingleton(name, next);
      return ok(next);
    },
  };
}
