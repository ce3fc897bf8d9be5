/**
 * Auth0's rate limiting as the Management API signals it: every response carries
 * `x-ratelimit-limit` (the bucket size), `x-ratelimit-remaining` and `x-ratelimit-reset` (UTC
 * epoch seconds when the bucket is full again); an empty bucket answers 429, which go-auth0 waits
 * out using `x-ratelimit-reset`.
 */
import type { TierLimit } from "./tiers";

export interface RateDecision {
  readonly allowed: boolean;
  readonly headers: Readonly<Record<string, string>>;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: TierLimit,
    private readonly clock: () => number = Date.now,
  ) {
    this.tokens = limit.burst;
    this.last = clock();
  }

  take(): RateDecision {
    const now = this.clock();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.sustained);
    this.last = now;
    const allowed = this.tokens >= 1;
    if (allowed) this.tokens -= 1;
    const secondsToFull = (this.limit.burst - this.tokens) / this.limit.sustained;
    return {
      allowed,
      headers: {
        "x-ratelimit-limit": String(this.limit.burst),
        "x-ratelimit-remaining": String(Math.floor(this.tokens)),
        "x-ratelimit-reset": String(Math.ceil(now / 1000 + secondsToFull)),
      },
    };
  }
}
