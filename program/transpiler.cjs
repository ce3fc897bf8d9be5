"use strict";
// The transpiler ts-node uses when Pulumi's runner loads the program (tsconfig.json's "ts-node"
// section; the runner makes the load transpile-only because of `noCheck`). TypeScript's own
// transpileModule took 1.5 s of a 10-organization preview, compiling one file at a time on a cold
// compiler; esbuild does the same job (types stripped, CommonJS out, a source map for stack
// traces) in a few milliseconds. Type-checking stays with `npm run typecheck` (strict tsc).

const esbuild = require("esbuild");

/** ts.ModuleKind values that emit CommonJS: CommonJS itself, and Node16/NodeNext for a CommonJS file. */
const COMMONJS = 1;
const NODE_MODULES = new Set([100, 101, 199]);

/**
 * The output format the tsconfig asks for, as TypeScript would emit it: a tsconfig emitting ES
 * modules must fail under the runner exactly as it does with TypeScript's own transpiler.
 */
function formatOf(module, nodeModuleEmitKind) {
  if (module === undefined || module === COMMONJS) return "cjs";
  if (NODE_MODULES.has(module)) return nodeModuleEmitKind === "nodeesm" ? "esm" : "cjs";
  return "esm";
}

/** ts-node's transpiler interface: `create(options).transpile(text, { fileName })`. */
function create(options) {
  const compilerOptions = options.service.config.options;
  const target = String(compilerOptions.target ?? "es2022");
  const format = formatOf(compilerOptions.module, options.nodeModuleEmitKind);
  return {
    transpile(input, { fileName }) {
      const { code, map } = esbuild.transformSync(input, {
        loader: fileName.endsWith(".tsx") ? "tsx" : "ts",
        format,
        // ts.ScriptTarget values are numbers (ES2022 = 9); esbuild wants the name.
        target: /^\d+$/.test(target) ? "es2022" : target.toLowerCase(),
        sourcemap: "external",
        sourcefile: fileName,
        // The file is on disk; source-map-support reads positions only.
        sourcesContent: false,
      });
      return { outputText: code, sourceMapText: map };
    },
  };
}

module.exports = { create };
