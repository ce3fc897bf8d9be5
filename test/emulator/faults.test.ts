import { describe, expect, it } from "vitest";
import { decideFault, parseFaults } from "../../emulator/faults";

describe("--faults", () => {
  it("reads latency, a 5xx share and a drop share", () => {
    expect(parseFaults("latency=250,5xx=0.1,drop=0.02")).toEqual({ latencyMs: 250, errorShare: 0.1, dropShare: 0.02 });
  });

  it.each([
    ["latency", '--faults: "latency" is not name=number; write e.g. latency=250,5xx=0.1,drop=0.02'],
    ["5xx=2", "--faults: 5xx is a share of requests between 0 and 1, got 2"],
    ["latency=-1", "--faults: latency must be between 0 and 60000 milliseconds, got -1"],
    ["jitter=3", '--faults: unknown fault "jitter"; use latency, 5xx or drop'],
    ["5xx=0.6,drop=0.6", "--faults: 5xx and drop together cannot exceed a share of 1"],
  ])("rejects %s with a message naming the fix", (spec, message) => {
    expect(() => parseFaults(spec)).toThrow(message);
  });

  it("drops, errors or answers by the dice", () => {
    const faults = { latencyMs: 0, errorShare: 0.2, dropShare: 0.1 };
    expect(decideFault(faults, () => 0.05)).toBe("drop");
    expect(decideFault(faults, () => 0.2)).toBe("error");
    expect(decideFault(faults, () => 0.5)).toBe("answer");
  });
});
