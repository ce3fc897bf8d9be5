/**
 * The transpiler ts-node uses when Pulumi's runner loads the program (tsconfig.json's "ts-node"
 * section): CommonJS out, types gone, positions mapped back to the TypeScript source.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const { create } = require(path.join(ROOT, "program/transpiler.cjs")) as {
  create: (options: unknown) => { transpile: (input: string, options: { fileName: string }) => { outputText: string; sourceMapText: string } };
};

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
});
