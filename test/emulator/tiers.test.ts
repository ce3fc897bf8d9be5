import { describe, expect, it } from "vitest";
import { TIER_LIMITS } from "../../emulator/tiers";
import { RATE_LIMITS } from "../../plan/economy";

describe("the emulator's plan tiers", () => {
  it("are the figures auth0kit:tenant.planTier plans with (copied, since emulator/ imports nothing from the program)", () => {
    const planned = Object.fromEntries(Object.entries(RATE_LIMITS).map(([tier, l]) => [tier, { burst: l.burst, sustained: l.sustained }]));
    expect(TIER_LIMITS).toEqual(planned);
  });
});
