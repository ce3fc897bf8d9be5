import { describe, expect, it } from "vitest";
import { configWith, issuesOf, specOf } from "./fixtures";

const files = (paths: string[], root?: string) =>
  configWith({
    "auth0kit:envFiles": Object.fromEntries(paths.map((p, i) => [`f${i}`, { kind: "backend", path: p, vars: [{ A: "1" }] }])),
    ...(root === undefined ? {} : { "auth0kit:workspaceRoot": root }),
  });

describe("env-file paths stay inside the workspace root", () => {
  it("defaults the root to the project directory", () => {
    expect(specOf(files(["out/.env"])).workspaceRoot).toBe(".");
  });

  it.each(["../../etc/passwd", "..", "../alphaswarm/.env", "out/../../x.env", "."])("refuses %j with the default root", (p) => {
    expect(issuesOf(files([p]))).toEqual([
      `auth0kit:envFiles.f0.path: ${JSON.stringify(p)} is outside the workspace root "." (the project directory); write the file inside it, or declare the directory it belongs to with auth0kit:workspaceRoot`,
    ]);
  });

  it("accepts a sibling checkout the stack declares as its root", () => {
    expect(issuesOf(files(["../alphaswarm/.env", "../alphaswarm/frontend/.env"], "../alphaswarm"))).toEqual([]);
  });

  it("refuses a path that leaves the declared root", () => {
    expect(issuesOf(files(["../alphaswarm/../other/.env"], "../alphaswarm"))).toEqual([
      'auth0kit:envFiles.f0.path: "../alphaswarm/../other/.env" is outside the workspace root "../alphaswarm"; write the file inside it, or declare the directory it belongs to with auth0kit:workspaceRoot',
    ]);
  });

  it.each([
    ["/srv/app", "use a path relative to the project directory, e.g. ../alphaswarm"],
    ["..\\\\app", "use / to separate directories"],
  ])("refuses the root %j", (root, message) => {
    expect(issuesOf(files(["out/.env"], root))).toEqual([`auth0kit:workspaceRoot: ${message}`]);
  });
});
