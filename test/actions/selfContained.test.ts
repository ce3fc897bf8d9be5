import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ACTIONS_DIR, actionSource } from "./fakes";

const BACKEND_CLIENT = /\/\/ --- backend client[^\n]*\n[\s\S]*?\/\/ --- end backend client\n/;

describe("Action files are deployed byte for byte, so each is self-contained", () => {
  it.each(fs.readdirSync(ACTIONS_DIR).filter((f) => f.endsWith(".js")))("%s requires only Node built-ins", (file) => {
    const required = [...actionSource(file).matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(required.filter((name) => !name!.startsWith("node:"))).toEqual([]);
  });

  it("keeps the one duplicated helper, the backend client, identical in every Action that calls the backend", () => {
    const copies = ["post-login.js", "idp-group-sync.js", "pre-user-registration.js"].map((file) => actionSource(file).match(BACKEND_CLIENT)?.[0]);
    expect(copies[0]).toBeDefined();
    expect(copies[1]).toBe(copies[0]);
    expect(copies[2]).toBe(copies[0]);
  });
});
