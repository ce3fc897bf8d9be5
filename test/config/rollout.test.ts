import { describe, expect, it } from "vitest";
import { configWith, issuesOf, specOf } from "./fixtures";

/** A stack whose backend env file renders the enforcement mode, in `environment`. */
const staged = (enforcement: unknown, extra: Record<string, unknown> = {}, kind = "backend") =>
  configWith({
    "auth0kit:rollout": { enforcement },
    "auth0kit:envFiles": { backend: { kind, path: "out/.env", vars: [{ ALPHASWARM_AUTH_ENFORCE: { ref: "enforcement" } }] } },
    ...extra,
  });
const override = { rule: "strict-enforcement", path: "auth0kit:rollout.enforcement", reason: "Runbook §12 step 2: permissive until the 401 dashboard shows no would-be denials." };
const PERMISSIVE_IN_PROD =
  "auth0kit:rollout.enforcement: permissive serves requests that fail authentication in prod; use strict, or add an override of strict-enforcement with the rollout's reason while the would-be denials are checked";

describe("auth0kit:rollout.enforcement", () => {
  it("is read as permissive or strict and rendered where a variable is { ref: enforcement }", () => {
    const spec = specOf(staged("permissive"));
    expect(spec.rollout).toEqual({ enforcement: "permissive" });
    expect(spec.envFiles.backend!.lines).toEqual([{ name: "ALPHASWARM_AUTH_ENFORCE", value: { ref: "enforcement" } }]);
  });

  it("refuses a mode the backend does not have", () => {
    expect(issuesOf(staged("audit"))).toEqual(['auth0kit:rollout.enforcement: "audit" is not allowed; use one of permissive, strict']);
    expect(issuesOf(staged("strct"))).toEqual(['auth0kit:rollout.enforcement: "strct" is not allowed; did you mean "strict"? (one of permissive, strict)']);
  });

  it("refuses { ref: enforcement } when the stack stages no rollout", () => {
    expect(issuesOf(staged("strict", { "auth0kit:rollout": undefined }))).toEqual([
      "auth0kit:envFiles.backend.vars[0].ALPHASWARM_AUTH_ENFORCE: the stack stages no rollout; set auth0kit:rollout.enforcement (permissive or strict) or write the value here",
    ]);
  });

  it("refuses a staged mode that no backend env file renders", () => {
    const message =
      "auth0kit:rollout.enforcement: no backend env file renders it, so the backend would never see it; add a variable such as - ALPHASWARM_AUTH_ENFORCE: { ref: enforcement } to the backend env file";
    expect(issuesOf(configWith({ "auth0kit:rollout": { enforcement: "strict" } }))).toEqual([message]);
    expect(issuesOf(staged("strict", {}, "cli"))).toEqual([message]);
  });

  it("allows permissive in dev, and in stage and prod only under a reviewed override", () => {
    expect(issuesOf(staged("permissive"))).toEqual([]);
    expect(issuesOf(staged("permissive", { "auth0kit:environment": "prod" }))).toEqual([PERMISSIVE_IN_PROD]);
    expect(issuesOf(staged("permissive", { "auth0kit:environment": "stage" }))).toEqual([PERMISSIVE_IN_PROD.replace("in prod", "in stage")]);
    const spec = specOf(staged("permissive", { "auth0kit:environment": "prod", "auth0kit:overrides": [override] }));
    expect(spec.overrides).toEqual([override]);
  });

  it("calls the rollout's override stale once the stack is back on strict", () => {
    expect(issuesOf(staged("strict", { "auth0kit:environment": "prod", "auth0kit:overrides": [override] }))).toEqual([
      "auth0kit:overrides[0]: strict-enforcement reports nothing at auth0kit:rollout.enforcement in prod; remove this override",
    ]);
  });
});
