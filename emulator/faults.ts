/**
 * Faults on demand, for seeing how the provider copes with a flaky Management API:
 * `latency=MS` delays every answer, `5xx=SHARE` answers that share of requests with a 503,
 * `drop=SHARE` closes that share of connections without an answer. Written as one
 * comma-separated list, e.g. `--faults latency=250,5xx=0.1,drop=0.02`.
 */
export interface Faults {
  readonly latencyMs: number;
  readonly errorShare: number;
  readonly dropShare: number;
}

export const NO_FAULTS: Faults = { latencyMs: 0, errorShare: 0, dropShare: 0 };

export type FaultDecision = "answer" | "error" | "drop";

/** Parses `--faults`; throws an Error whose message names the bad part and how to write it. */
export function parseFaults(spec: string): Faults {
  const faults = { ...NO_FAULTS };
  for (const part of spec.split(",").map((p) => p.trim()).filter((p) => p !== "")) {
    const [name, raw, extra] = part.split("=");
    const value = Number(raw);
    if (extra !== undefined || raw === undefined || raw.trim() === "" || !Number.isFinite(value)) {
      throw new Error(`--faults: "${part}" is not name=number; write e.g. latency=250,5xx=0.1,drop=0.02`);
    }
    if (name === "latency") {
      if (value < 0 || value > 60_000) throw new Error(`--faults: latency must be between 0 and 60000 milliseconds, got ${raw}`);
      faults.latencyMs = value;
    } else if (name === "5xx" || name === "drop") {
      if (value < 0 || value > 1) throw new Error(`--faults: ${name} is a share of requests between 0 and 1, got ${raw}`);
      if (name === "5xx") faults.errorShare = value;
      else faults.dropShare = value;
    } else {
      throw new Error(`--faults: unknown fault "${name}"; use latency, 5xx or drop`);
    }
  }
  if (faults.errorShare + faults.dropShare > 1) throw new Error("--faults: 5xx and drop together cannot exceed a share of 1");
  return faults;
}

export function decideFault(faults: Faults, random: () => number): FaultDecision {
  const roll = random();
  if (roll < faults.dropShare) return "drop";
  if (roll < faults.dropShare + faults.errorShare) return "error";
  return "answer";
}

export function describeFaults(faults: Faults): string {
  const parts = [];
  if (faults.latencyMs > 0) parts.push(`${faults.latencyMs} ms latency`);
  if (faults.errorShare > 0) parts.push(`${faults.errorShare * 100}% 503s`);
  if (faults.dropShare > 0) parts.push(`${faults.dropShare * 100}% dropped connections`);
  return parts.length === 0 ? "none" : parts.join(", ");
}
