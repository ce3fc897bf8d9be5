/**
 * Management API rate limits per Auth0 plan tier, the same figures `auth0kit:tenant.planTier`
 * plans with (plan/economy.ts RATE_LIMITS; copied, since the emulator imports nothing from the
 * program — test/emulator/tiers.test.ts fails if the two drift apart). A token bucket: `burst`
 * requests at once, refilled at `sustained` per second.
 */
export interface TierLimit {
  readonly burst: number;
  readonly sustained: number;
}

export const TIER_LIMITS = {
  free: { burst: 2, sustained: 2 },
  essentials: { burst: 10, sustained: 2.5 },
  professional: { burst: 10, sustained: 2.5 },
  enterprise: { burst: 50, sustained: 16 },
  "enterprise-nonprod": { burst: 10, sustained: 2 },
} as const satisfies Record<string, TierLimit>;

export type Tier = keyof typeof TIER_LIMITS;

export const TIERS = Object.keys(TIER_LIMITS) as Tier[];

export function isTier(value: string): value is Tier {
  return Object.hasOwn(TIER_LIMITS, value);
}
