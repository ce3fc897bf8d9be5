/**
 * Conformance: every recording of every resource type the program declares (and the types the
 * roles/email/prompt/branding work adds) replayed in order against a fresh emulator; each
 * interaction must match Auth0's recorded answer or be explained in departures.ts.
 */
import { afterAll, describe, expect, it } from "vitest";
import { DEPARTURES } from "./departures";
import { recordingNames } from "./recordings";
import { replay, type Outcome } from "./replay";
import { RESOURCE_TYPES } from "./resourceTypes";

interface Row {
  type: string;
  recordings: number;
  interactions: number;
  matched: number;
  explained: number;
}

const rows = new Map<string, Row>();

function tally(type: string, outcomes: readonly Outcome[]): void {
  const row = rows.get(type) ?? { type, recordings: 0, interactions: 0, matched: 0, explained: 0 };
  row.recordings += 1;
  row.interactions += outcomes.length;
  row.matched += outcomes.filter((o) => o.kind === "matched").length;
  row.explained += outcomes.filter((o) => o.kind === "explained").length;
  rows.set(type, row);
}

/** The coverage table, as docs/emulator.md shows it. */
export function coverageTable(all: readonly Row[]): string {
  const lines = ["| resource type | recordings | interactions | matched | explained |", "| --- | ---: | ---: | ---: | ---: |"];
  const sum = { recordings: 0, interactions: 0, matched: 0, explained: 0 };
  for (const r of all) {
    lines.push(`| ${r.type} | ${r.recordings} | ${r.interactions} | ${r.matched} | ${r.explained} |`);
    sum.recordings += r.recordings;
    sum.interactions += r.interactions;
    sum.matched += r.matched;
    sum.explained += r.explained;
  }
  lines.push(`| **all** | ${sum.recordings} | ${sum.interactions} | ${sum.matched} | ${sum.explained} |`);
  return lines.join("\n");
}

afterAll(() => {
  console.log(`Emulator conformance against the recorded Auth0 traffic:\n${coverageTable([...rows.values()])}`);
});

describe("the emulator answers as the recorded Auth0 tenants did", () => {
  it("every recording named for a resource type exists", () => {
    const known = new Set(recordingNames());
    const missing = Object.values(RESOURCE_TYPES).flat().filter((name) => !known.has(name));
    expect(missing).toEqual([]);
  });

  for (const [type, recordings] of Object.entries(RESOURCE_TYPES)) {
    describe(type, () => {
      for (const recording of recordings) {
        it(`${recording}: every interaction matched or explained`, () => {
          const outcomes = replay(recording, DEPARTURES);
          tally(type, outcomes);
          const problems = outcomes
            .filter((o) => o.kind === "unmatched" || o.kind === "needless-explanation")
            .map((o) => (o.kind === "unmatched" ? `#${o.id} ${o.request}\n    ${o.diffs.join("\n    ")}` : `#${o.id} matches now; drop its explanation: ${o.reason}`));
          expect(problems.join("\n")).toBe("");
        });
      }
    });
  }
});
