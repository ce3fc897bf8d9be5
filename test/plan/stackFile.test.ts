import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { readStackFile, StackFileError, withPlaceholderSecrets } from "../../plan/stackFile";

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

describe("the stack file's top-level keys", () => {
  const write = (text: string) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-stackfile-")), "Pulumi.dev.yaml");
    fs.writeFileSync(file, text);
    return file;
  };

  it("refuses a key that is neither config: nor one Pulumi writes, instead of ignoring it", () => {
    const file = write("confg:\n  auth0kit:environment: dev\nencryptionsalt: v1:abc\n");
    expect(() => readStackFile(file, "auth0kit")).toThrow(StackFileError);
    expect(() => readStackFile(file, "auth0kit")).toThrow(
      "Pulumi.dev.yaml: confg: unknown top-level key; fix the spelling or remove it (a stack file holds config:, and Pulumi's own secretsprovider, encryptedkey, encryptionsalt, environment)",
    );
  });

  it("accepts the keys Pulumi writes beside config:", () => {
    const file = write("secretsprovider: passphrase\nencryptionsalt: v1:abc\nconfig:\n  auth0kit:environment: dev\n");
    expect(readStackFile(file, "auth0kit").values).toEqual({ "auth0kit:environment": "dev" });
  });
});
