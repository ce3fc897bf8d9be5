"use strict";
// The transpiler ts-node uses when Pulumi's runner loads the program (tsconfig.json's "ts-node"
// section; the runner makes the load transpile-only because of `noCheck`). TypeScript's own
// transpileModule took 1.5 s of a 10-organization preview, compiling one file at a time on a cold
// compiler; esbuild does the same job (types stripped, CommonJS out, a source map for stack
// traces) in a few milliseconds. Type-checking stays with `npm run typecheck` (strict tsc).

const esbuild = require("esbuild");

/** ts-node's transpiler interface: `create(options).transpile(text, { fileName })`. */
function create(options) {
  const target = String(options.service.config.options.target ?? "es2022");
  return {
    transpile(input, { fileName }) {
      const { code, map } = esbuild.transformSync(input, {
        loader: fileName.endsWith(".tsx") ? "tsx" : "ts",
        format: "cjs",
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
