import { describe, expect, it } from "vitest";
import { withPlaceholderSecrets } from "../../plan/stackFile";

const config = (values: Record<string, unknown>, secretKeys: string[] = []) => ({
  values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])),
  secretKeys: new Set(secretKeys),
});

describe("placeholder secrets in the offline plan", () => {
  it("stands a secret placeholder in for a referenced secret that is not set, and reports it", () => {
    const planned = withPlaceholderSecrets(config({ "auth0kit:connections": { google: { clientSecret: { secret: "googleClientSecret" } } } }), "auth0kit");
    expect(planned.unsetSecrets).toEqual(["auth0kit:googleClientSecret"]);
    expect(planned.values["auth0kit:googleClientSecret"]).toBe("[secret]");
    expect(planned.secretKeys.has("auth0kit:googleClientSecret")).toBe(true);
  });

  it("leaves a set secret and a plain-text value alone", () => {
    const planned = withPlaceholderSecrets(
      config(
        {
          "auth0kit:connections": { a: { clientSecret: { secret: "aSecret" } }, b: { clientSecret: { secret: "bSecret" } } },
          "auth0kit:aSecret": "[secret]",
          "auth0kit:bSecret": "plain",
        },
        ["auth0kit:aSecret"],
      ),
      "auth0kit",
    );
    expect(planned.unsetSecrets).toEqual([]);
    expect(planned.values["auth0kit:bSecret"]).toBe("plain");
    expect(planned.secretKeys.has("auth0kit:bSecret")).toBe(false);
  });
});
