import { describe, expect, it } from "vitest";
import { appClient } from "./appClient";

describe("rate limits on demand", () => {
  it("sends x-ratelimit headers on every response and a 429 when the tier's burst is spent", () => {
    let now = 1_000_000;
    const { call } = appClient({ tier: "free", clock: () => now });
    const first = call("GET", "/api/v2/roles");
    expect(first.headers).toMatchObject({ "x-ratelimit-limit": "2", "x-ratelimit-remaining": "1" });
    const second = call("GET", "/api/v2/roles");
    expect(second.headers["x-ratelimit-remaining"]).toBe("0");
    const third = call("GET", "/api/v2/roles");
    expect(third.status).toBe(429);
    expect(third.body).toEqual({ statusCode: 429, error: "Too Many Requests", message: "Global limit has been reached", errorCode: "too_many_requests" });
    expect(Number(third.headers["x-ratelimit-reset"])).toBe(Math.ceil(now / 1000 + 1));
    now += 500; // free refills 2 per second
    expect(call("GET", "/api/v2/roles").status).toBe(200);
  });

  it("does not limit without a tier", () => {
    const { call } = appClient();
    for (let i = 0; i < 100; i++) expect(call("GET", "/api/v2/roles").status).toBe(200);
    expect(call("GET", "/api/v2/roles").headers["x-ratelimit-limit"]).toBeUndefined();
  });
});
