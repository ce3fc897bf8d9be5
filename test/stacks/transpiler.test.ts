/**
 * The transpiler ts-node uses when Pulumi's runner loads the program (tsconfig.json's "ts-node"
 * section): CommonJS out, types gone, positions mapped back to the TypeScript source.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const { create } = require(path.join(ROOT, "program/transpiler.cjs")) as {
  create: (options: unknown) => { transpile: (input: string, options: { fileName: string }) => { outputText: string; sourceMapText: string } };
};

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-transpiler-test-"));
let cache = "";
let run = 0;
beforeEach(() => {
  // Each test its own cache directory: nothing read from an earlier test, nothing in node_modules.
  cache = path.join(scratch, String(run++));
  process.env.AUTH0KIT_TRANSPILE_CACHE = cache;
});
afterAll(() => {
  delete process.env.AUTH0KIT_TRANSPILE_CACHE;
  fs.rmSync(scratch, { recursive: true, force: true });
});

const options = (module = 1) => ({ service: { config: { options: { target: 9, module } } } });

describe("program/transpiler.cjs", () => {
  it("is the transpiler tsconfig.json names for ts-node, with the load transpile-only", () => {
    const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8").replace(/^\s*\/\/.*$/gm, "")) as { "ts-node": unknown; compilerOptions: { noCheck: boolean } };
    expect(tsconfig["ts-node"]).toEqual({ transpileOnly: true, transpiler: "./program/transpiler.cjs" });
    expect(tsconfig.compilerOptions.noCheck).toBe(true);
  });

  it("emits CommonJS without the types, `export =` as module.exports, and a source map of the file", () => {
    const { transpile } = create({ service: { config: { options: { target: 9 } } } });
    const source = 'import * as path from "node:path";\nconst base: string = path.sep;\nexport = Object.assign(async (): Promise<string> => base, { base });\n';
    const { outputText, sourceMapText } = transpile(source, { fileName: "/project/index.ts" });
    expect(outputText).toContain('require("node:path")');
    expect(outputText).toContain("module.exports = Object.assign(async () => base, { base });");
    expect(outputText).not.toMatch(/: string|Promise<string>/);
    const map = JSON.parse(sourceMapText) as { sources: string[]; sourcesContent?: unknown };
    expect(map.sources).toEqual(["/project/index.ts"]);
    expect(map.sourcesContent).toBeUndefined();
    const module = { exports: {} as unknown };
    new Function("module", "exports", "require", outputText)(module, module.exports, require);
    expect((module.exports as { base: string }).base).toBe(path.sep);
  });

  it("emits ES modules when the tsconfig asks for them, as TypeScript would (module: preserve, esnext; nodenext for an ES-module file)", () => {
    const source = 'import * as path from "node:path";\nexport const sep: string = path.sep;\n';
    const emit = (module: number, nodeModuleEmitKind?: string) =>
      create({ service: { config: { options: { target: 9, module } } }, nodeModuleEmitKind }).transpile(source, { fileName: "/project/a.ts" }).outputText;
    expect(emit(200)).toMatch(/^import \* as path from "node:path";$/m);
    expect(emit(99)).toMatch(/^export \{/m);
    expect(emit(199, "nodeesm")).toMatch(/^import /m);
    expect(emit(199, "nodecjs")).toContain('require("node:path")');
    expect(emit(1)).toContain('require("node:path")');
  });

  it("keeps each file's result on disk and serves the next load from it, without esbuild", () => {
    const source = "export const answer: number = 42;\n";
    const first = create(options()).transpile(source, { fileName: "/project/answer.ts" });
    const entries = fs.readdirSync(cache);
    expect(entries).toHaveLength(1);
    // What a later load returns is the entry, not a new transpilation.
    const file = path.join(cache, entries[0]!);
    const entry = JSON.parse(fs.readFileSync(file, "utf8")) as { key: string; code: string; map: string };
    expect(entry.code).toBe(first.outputText);
    fs.writeFileSync(file, JSON.stringify({ ...entry, code: "/* from the cache */" }));
    expect(create(options()).transpile(source, { fileName: "/project/answer.ts" })).toEqual({ outputText: "/* from the cache */", sourceMapText: first.sourceMapText });
  });

  it("transpiles a file again when it, its path or the output format changed, one entry per file and format", () => {
    const transpile = (source: string, fileName: string, module?: number) => create(options(module)).transpile(source, { fileName }).outputText;
    expect(transpile("export const a: number = 1;\n", "/project/a.ts")).toContain("a = 1");
    expect(transpile("export const a: number = 2;\n", "/project/a.ts")).toContain("a = 2");
    expect(fs.readdirSync(cache)).toHaveLength(1);
    expect(transpile("export const a: number = 2;\n", "/project/b.ts")).toContain("a = 2");
    expect(transpile("export const a: number = 2;\n", "/project/a.ts", 99)).toMatch(/^export \{/m);
    expect(fs.readdirSync(cache)).toHaveLength(3);
  });

  it("transpiles again over a damaged entry, and keeps nothing with AUTH0KIT_TRANSPILE_CACHE=off", () => {
    const source = "export const b: string = 'x';\n";
    const fresh = create(options()).transpile(source, { fileName: "/project/b.ts" });
    const [entry] = fs.readdirSync(cache);
    fs.writeFileSync(path.join(cache, entry!), '{"key":');
    expect(create(options()).transpile(source, { fileName: "/project/b.ts" })).toEqual(fresh);
    expect(fs.readdirSync(cache)).toEqual([entry]);

    process.env.AUTH0KIT_TRANSPILE_CACHE = "off";
    expect(create(options()).transpile(source, { fileName: "/project/c.ts" })).toEqual(create(options()).transpile(source, { fileName: "/project/c.ts" }));
    expect(fs.existsSync(path.join(process.cwd(), "off"))).toBe(false);
    expect(fs.readdirSync(cache)).toEqual([entry]);
  });
});
