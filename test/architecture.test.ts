/**
 * The import graph of the program and its commands (every .ts file outside test/ and
 * node_modules/, type-only imports included): no module imports, directly or through others, a
 * module that imports it back, and env/ stays a pure dotenv layer that imports nothing of the
 * project outside itself (so nothing of config/).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const SKIP = new Set(["node_modules", "test", "out", "bin", ".git"]);

/** Project modules by path relative to ROOT, each with the project modules it imports. */
function importGraph(dir = ROOT, graph = new Map<string, string[]>()): Map<string, string[]> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name) && !entry.name.startsWith(".")) importGraph(full, graph);
    } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
      const { importedFiles } = ts.preProcessFile(fs.readFileSync(full, "utf8"), true, true);
      const targets = importedFiles.map((file) => file.fileName).filter((name) => name.startsWith(".")).map((name) => resolveModule(path.dirname(full), name));
      graph.set(path.relative(ROOT, full), [...new Set(targets)].sort());
    }
  }
  return graph;
}

function resolveModule(from: string, specifier: string): string {
  const base = path.resolve(from, specifier);
  const found = [`${base}.ts`, path.join(base, "index.ts"), base].find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
  if (found === undefined) throw new Error(`cannot resolve ${specifier} from ${path.relative(ROOT, from)}`);
  return path.relative(ROOT, found);
}

/** Every group of modules that reach each other (Tarjan's strongly connected components), as sorted lists. */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(group.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** Every module `from` reaches through its imports. */
function reachable(graph: ReadonlyMap<string, readonly string[]>, from: string): Set<string> {
  const seen = new Set<string>();
  const queue = [...(graph.get(from) ?? [])];
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(graph.get(next) ?? []));
  }
  return seen;
}

const graph = importGraph();

describe("the import graph", () => {
  it("covers the program, its layers and its commands", () => {
    for (const module of ["index.ts", "env/render.ts", "config/load.ts", "components/auth0Tenant.ts", "plan/run.ts", "cli/plan.ts", "scripts/plan.ts"]) {
      expect(graph.has(module), module).toBe(true);
    }
    expect(graph.get("plan/run.ts")).toContain("index.ts");
  });

  it("has no cycle: no module imports, directly or through others, a module that imports it back", () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it("keeps env/ pure: nothing in it reaches a project module outside env/, config/ included", () => {
    const envModules = [...graph.keys()].filter((module) => module.startsWith(`env${path.sep}`));
    expect(envModules.length).toBeGreaterThan(0);
    const outside = envModules.flatMap((module) => [...reachable(graph, module)].filter((target) => !target.startsWith(`env${path.sep}`)).map((target) => `${module} → ${target}`));
    expect(outside).toEqual([]);
  });

  it("keeps the adopter off the emulator: nothing in adopt/ reaches emulator/", () => {
    const adoptModules = [...graph.keys()].filter((module) => module.startsWith(`adopt${path.sep}`));
    expect(adoptModules.length).toBeGreaterThan(0);
    const emulator = adoptModules.flatMap((module) => [...reachable(graph, module)].filter((target) => target.startsWith(`emulator${path.sep}`)).map((target) => `${module} → ${target}`));
    expect(emulator).toEqual([]);
  });
});

describe("importCycles", () => {
  it("finds a cycle through several modules and a module importing itself, and nothing in a tree", () => {
    const cyclic = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts", "d.ts"]],
      ["d.ts", []],
      ["e.ts", ["e.ts"]],
    ]);
    expect(importCycles(cyclic)).toEqual([["a.ts", "b.ts", "c.ts"], ["e.ts"]]);
    expect(importCycles(new Map([["a.ts", ["b.ts", "c.ts"]], ["b.ts", ["c.ts"]], ["c.ts", []]]))).toEqual([]);
  });
});
