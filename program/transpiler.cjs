"use strict";
// The transpiler ts-node uses when Pulumi's runner loads the program (tsconfig.json's "ts-node"
// section; the runner makes the load transpile-only because of `noCheck`). TypeScript's own
// transpileModule took 1.5 s of a 10-organization preview, compiling one file at a time on a cold
// compiler; esbuild does the same job (types stripped, CommonJS out, a source map for stack
// traces). Type-checking stays with `npm run typecheck` (strict tsc).
//
// Each result is kept on disk (node_modules/.cache/auth0kit-transpiler/, one entry per source
// file, replaced when the file or the options change): ts-node has no cache of its own, so every
// `pulumi preview` would otherwise send each of the program's ~90 modules through esbuild's worker
// thread and service process again, which cost more than loading zod and yaml together.
// AUTH0KIT_TRANSPILE_CACHE names another directory, or `off`.

const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

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

function cacheDirectory() {
  const setting = process.env.AUTH0KIT_TRANSPILE_CACHE;
  if (setting === "off") return undefined;
  return setting || path.join(__dirname, "..", "node_modules", ".cache", "auth0kit-transpiler");
}

const sha256 = (text) => crypto.createHash("sha256").update(text).digest("hex");

/** The cached result for `key` in `file`, if the entry is there, whole and for this input. */
function readEntry(file, key) {
  try {
    const entry = JSON.parse(fs.readFileSync(file, "utf8"));
    return entry.key === key && typeof entry.code === "string" && typeof entry.map === "string" ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Written under a temporary name and renamed, so a concurrent load never reads half an entry. */
function writeEntry(directory, file, entry) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(directory, { recursive: true });
    fs.writeFileSync(temporary, JSON.stringify(entry));
    fs.renameSync(temporary, file);
  } catch {
    // A read-only node_modules only costs the next load the transpilation again.
    fs.rmSync(temporary, { force: true });
  }
}

/** ts-node's transpiler interface: `create(options).transpile(text, { fileName })`. */
function create(options) {
  const compilerOptions = options.service.config.options;
  const target = String(compilerOptions.target ?? "es2022");
  const settings = {
    format: formatOf(compilerOptions.module, options.nodeModuleEmitKind),
    // ts.ScriptTarget values are numbers (ES2022 = 9); esbuild wants the name.
    target: /^\d+$/.test(target) ? "es2022" : target.toLowerCase(),
  };
  const directory = cacheDirectory();
  // The esbuild version is part of every key: an upgrade transpiles everything again.
  const version = require("esbuild/package.json").version;

  function transform(input, fileName) {
    // Loaded on the first miss only: a warm load never starts esbuild's worker and service.
    const { code, map } = require("esbuild").transformSync(input, {
      loader: fileName.endsWith(".tsx") ? "tsx" : "ts",
      ...settings,
      sourcemap: "external",
      sourcefile: fileName,
      // The file is on disk; source-map-support reads positions only.
      sourcesContent: false,
    });
    return { code, map };
  }

  return {
    transpile(input, { fileName }) {
      if (directory === undefined) {
        const { code, map } = transform(input, fileName);
        return { outputText: code, sourceMapText: map };
      }
      const identity = JSON.stringify([version, settings, fileName]);
      const file = path.join(directory, `${sha256(identity).slice(0, 32)}.json`);
      const key = sha256(`${identity}\n${input}`);
      let entry = readEntry(file, key);
      if (entry === undefined) {
        entry = { key, ...transform(input, fileName) };
        writeEntry(directory, file, entry);
      }
      return { outputText: entry.code, sourceMapText: entry.map };
    },
  };
}

module.exports = { create };
