import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ACTIONS_DIR, actionSource } from "./fakes";

const ACTIONS = fs.readdirSync(ACTIONS_DIR).filter((f) => f.endsWith(".js"));
const block = (name: string) => new RegExp(`// --- ${name}[^\\n]*\\n[\\s\\S]*?// --- end ${name}\\n`);

describe("Action files are deployed byte for byte, so each is self-contained", () => {
  it.each(ACTIONS)("%s requires only Node built-ins", (file) => {
    const required = [...actionSource(file).matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required.filter((name) => !name!.startsWith("node:"))).toEqual([]);
  });

  it("keeps the runtime helpers (cache, deadline fetch, log) identical in every Action", () => {
    const copies = ACTIONS.map((file) => actionSource(file).match(block("runtime helpers"))?.[0]);
    expect(copies[0]).toBeDefined();
    for (const copy of copies) expect(copy).toBe(copies[0]);
  });

  it("keeps the backend client identical in every Action that calls the backend", () => {
    const copies = ["post-login.js", "idp-group-sync.js", "pre-user-registration.js"].map((file) => actionSource(file).match(block("backend client"))?.[0]);
    expect(copies[0]).toBeDefined();
    expect(copies[1]).toBe(copies[0]);
    expect(copies[2]).toBe(copies[0]);
  });
});
