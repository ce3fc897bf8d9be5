import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parse, stringify } from "yaml";
import { planInProcess, ROOT } from "./planHarness";

/**
 * The validation contract, for any single mistake in a real stack file: the plan exits 0 with
 * every declared entity in it, or exits 2 with one `<config path>: <message>` line per problem and
 * writes nothing — never exit 1, never a stack trace, never a silent drop. The mistakes are made
 * at random (seeded, so a failure replays) in the repository's own stack files, at every level:
 * wrong types, deleted keys, huge and control-character strings, unknown and special keys.
 */
const FILES = ["Pulumi.dev.yaml", "Pulumi.prod.yaml", "Pulumi.local.yaml", "examples/orcheo/Pulumi.prod.yaml"];
const RUNS = 120;
const SEED = 17;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Segment = string | number;

const MUTATIONS = ["wrongType", "delete", "huge", "control", "unknownKey", "specialKey"] as const;
type Mutation = (typeof MUTATIONS)[number];
const WRONG_TYPES: Json[] = [42, true, "text", [], {}, null];
const CONTROL = ["\u0000", "\u0007", "\n", "\u001b", "\u007f"];

/** Every place in the `config:` section, as a path of segments (the section itself included). */
function placesIn(value: Json, at: Segment[] = []): Segment[][] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => placesIn(item, [...at, index]))];
  if (value !== null && typeof value === "object") return [...here, ...Object.entries(value).flatMap(([key, item]) => placesIn(item, [...at, key]))];
  return here;
}

function parentAndKey(root: Json, at: Segment[]): [Json[] | Record<string, Json>, Segment] | undefined {
  if (at.length === 0) return undefined;
  let parent: Json = root;
  for (const segment of at.slice(0, -1)) parent = (parent as Record<string, Json>)[segment as string]!;
  return [parent as Json[] | Record<string, Json>, at[at.length - 1]!];
}

interface Case {
  readonly file: string;
  readonly place: number;
  readonly mutation: Mutation;
  readonly pick: number;
  readonly word: string;
}

/** The stack file with one mistake; undefined when the mistake does not apply at that place. */
function mutate(file: string, c: Case): { text: string; config: Record<string, Json> } | undefined {
  const doc = parse(fs.readFileSync(path.join(ROOT, file), "utf8")) as { config: Record<string, Json> };
  const config = doc.config;
  // Only the places the mistake applies to: strings for huge and control-character text, maps for keys.
  const places = placesIn(config).filter((at) => {
    const value = at.reduce<Json>((node, segment) => (node as Record<string, Json>)[segment as string]!, config);
    if (c.mutation === "huge" || c.mutation === "control") return typeof value === "string";
    if (c.mutation === "unknownKey" || c.mutation === "specialKey") return value !== null && typeof value === "object" && !Array.isArray(value);
    return at.length > 0;
  });
  if (places.length === 0) return undefined;
  const at = places[c.place % places.length]!;
  const slot = parentAndKey(config, at);
  const current = slot ? (slot[0] as Record<string, Json>)[slot[1] as string]! : config;
  const set = (value: Json) => ((slot![0] as Record<string, Json>)[slot![1] as string] = value);
  switch (c.mutation) {
    case "wrongType": {
      if (!slot) return undefined;
      const options = WRONG_TYPES.filter((value) => typeof value !== typeof current || Array.isArray(value) !== Array.isArray(current));
      set(options[c.pick % options.length]!);
      break;
    }
    case "delete":
      if (!slot) return undefined;
      if (Array.isArray(slot[0])) slot[0].splice(slot[1] as number, 1);
      else delete slot[0][slot[1] as string];
      break;
    case "huge":
      if (!slot || typeof current !== "string") return undefined;
      set(current + "x".repeat([300, 700, 20_000][c.pick % 3]!));
      break;
    case "control": {
      if (!slot || typeof current !== "string") return undefined;
      const cut = c.pick % (current.length + 1);
      set(current.slice(0, cut) + CONTROL[c.pick % CONTROL.length]! + current.slice(cut));
      break;
    }
    case "unknownKey":
    case "specialKey": {
      if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
      const key = c.mutation === "specialKey" ? ["__proto__", "constructor", "prototype"][c.pick % 3]! : `zz${c.word}`;
      Object.defineProperty(current, key, { value: WRONG_TYPES[c.pick % WRONG_TYPES.length]!, enumerable: true, configurable: true, writable: true });
      break;
    }
  }
  return { text: stringify(doc), config };
}

/** Resource-name prefixes of each collection's entries (components/auth0Tenant.ts). */
/** The resource (or component) each declared entry of a keyed map must plan to. */
const ENTITY_NAME: Record<string, (key: string) => string> = {
  "auth0kit:apis": (key) => `tenant-api-${key}`,
  "auth0kit:applications": (key) => `tenant-app-${key}`,
  // Connections and organizations have no component of their own (docs/scale.md).
  "auth0kit:connections": (key) => `tenant-connection-${key}-connection`,
  "auth0kit:organizations": (key) => `tenant-org-${key}-organization`,
  "auth0kit:logStreams": (key) => `tenant-logstream-${key}`,
  "auth0kit:actions": (key) => `tenant-actions-action-${key}`,
};

const PATH_ROOT = /^(auth0kit:|auth0:|Pulumi\.)/;

describe("random single mistakes in the reference stack files", () => {
  let scratch: string;

  beforeAll(() => {
    vi.stubEnv("AUTH0_DOMAIN", "");
    vi.stubEnv("AUTH0_CLIENT_ID", "");
    vi.stubEnv("AUTH0_CLIENT_SECRET", "");
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-mutations-"));
  });

  afterAll(() => {
    vi.unstubAllEnvs();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it(`plan exit 0 with every entity, or exit 2 naming config paths, nothing written (${RUNS} seeded runs)`, { timeout: 240_000 }, async () => {
    let run = 0;
    const outcomes = { planned: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          file: fc.constantFrom(...FILES),
          place: fc.nat(),
          mutation: fc.constantFrom(...MUTATIONS),
          pick: fc.nat(),
          word: fc.stringMatching(/^[a-z]{1,8}$/),
        }),
        async (c) => {
          const mutated = mutate(c.file, c);
          fc.pre(mutated !== undefined);
          const dir = path.join(scratch, String(run++));
          fs.mkdirSync(dir);
          const file = path.join(dir, path.basename(c.file));
          fs.writeFileSync(file, mutated!.text);
          const outDir = path.join(dir, "out");
          const result = await planInProcess("--config", file, "--out", outDir, "--json");

          expect([0, 2]).toContain(result.status);
          expect(result.stderr).not.toMatch(/\n\s+at /);
          if (result.status === 2) {
            outcomes.refused++;
            // Inside a value it is refused as such; as a whole config key it is an unknown auth0kit: key.
            if (c.mutation === "specialKey") expect(result.stderr).toMatch(/(__proto__|constructor|prototype)(: "\1" cannot be a key|: unknown key)/);
            expect(result.stdout).toBe("");
            expect(fs.existsSync(outDir)).toBe(false);
            const lines = result.stderr.trimEnd().split("\n");
            for (const line of lines) {
              expect(line.indexOf(": ")).toBeGreaterThan(0);
              expect(line).toMatch(PATH_ROOT);
            }
            return;
          }
          // A key the runtime treats specially is never accepted, wherever it is.
          expect(c.mutation).not.toBe("specialKey");
          outcomes.planned++;
          const planned = JSON.parse(result.stdout) as { resources: { name: string }[]; envFiles: { name: string }[] };
          const names = new Set(planned.resources.map((r) => r.name));
          for (const [key, nameOf] of Object.entries(ENTITY_NAME)) {
            const declared = mutated!.config[key];
            if (declared === null || typeof declared !== "object" || Array.isArray(declared)) continue;
            for (const entry of Object.keys(declared)) expect(names, `${key}.${entry} is declared but not planned`).toContain(nameOf(entry));
          }
          const envFiles = mutated!.config["auth0kit:envFiles"];
          if (envFiles && typeof envFiles === "object" && !Array.isArray(envFiles)) {
            expect(planned.envFiles.map((f) => f.name).sort()).toEqual(Object.keys(envFiles).sort());
          }
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // Both sides of the contract were exercised.
    expect(outcomes.planned).toBeGreaterThan(5);
    expect(outcomes.refused).toBeGreaterThan(RUNS / 2);
  });
});
