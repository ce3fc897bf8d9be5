/**
 * The stack configuration budget: PULUMI_CONFIG measured as the Node.js language host builds it,
 * against Linux's 131,072-byte limit for one environment string.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { ASSUMED_SECRET_BYTES, budgetFinding, budgetLine, configBudget, PULUMI_CONFIG_LIMIT } from "../../plan/configBudget";
import { pulumiConfigJson } from "../../plan/pulumiRunner";
import { readStackFile, withPlaceholderSecrets } from "../../plan/stackFile";
import { plan } from "../planHarness";

const none = new Set<string>();

/** A configuration whose PULUMI_CONFIG is exactly `bytes` long, all of it in auth0kit:organizations but the domain. */
function configOf(bytes: number, key = "auth0kit:organizations") {
  const base = configBudget({ values: { "auth0:domain": "a.example.com", [key]: "" }, secretKeys: none }).bytes;
  return { values: { "auth0:domain": "a.example.com", [key]: "x".repeat(bytes - base) }, secretKeys: none };
}

describe("PULUMI_CONFIG as the language host builds it", () => {
  it("rewrites keys to <namespace>:config:<name>, sorts them, and escapes as Go's json.Marshal does", () => {
    expect(pulumiConfigJson({ "auth0kit:tenant": '{"url":"https://a.example.com/?a=1&b=<2>"}', "auth0:domain": "a.example.com", "auth0kit:x": "\b\f\n\u2028" })).toBe(
      '{"auth0:config:domain":"a.example.com","auth0kit:config:tenant":"{\\"url\\":\\"https://a.example.com/?a=1\\u0026b=\\u003c2\\u003e\\"}","auth0kit:config:x":"\\u0008\\u000c\\n\\u2028"}',
    );
  });

  it("keeps an escaped backslash followed by b or f as it is", () => {
    expect(pulumiConfigJson({ "a:b": "\\b\\f" })).toBe('{"a:config:b":"\\\\b\\\\f"}');
  });

  it("counts PULUMI_CONFIG=, the JSON in UTF-8 bytes, and the terminating NUL", () => {
    const values = { "auth0:domain": "é.example.com" };
    expect(configBudget({ values, secretKeys: none }).bytes).toBe("PULUMI_CONFIG=".length + Buffer.byteLength('{"auth0:config:domain":"é.example.com"}') + 1);
  });
});

describe("the budget's findings", () => {
  it("finds nothing at 75% of the limit, warns past it and at the limit, and is an error one byte over", () => {
    const at = (bytes: number) => budgetFinding(configBudget(configOf(bytes)), "Pulumi.prod.yaml")?.level;
    expect(configBudget(configOf(98_304)).bytes).toBe(98_304);
    expect([at(98_304), at(98_305), at(PULUMI_CONFIG_LIMIT), at(PULUMI_CONFIG_LIMIT + 1)]).toEqual([undefined, "warning", "warning", "error"]);
  });

  it("warns with the key that grows and the fix", () => {
    const budget = configBudget(configOf(110_000));
    expect(budgetFinding(budget, "Pulumi.prod.yaml")).toEqual({
      level: "warning",
      issue: {
        path: "auth0kit:organizations",
        message: `the stack configuration the engine passes to the program (PULUMI_CONFIG) is 110,000 of 131,072 bytes (84%), past 75% of Linux's limit for one environment variable; ${(budget.largest!.bytes).toLocaleString("en-US")} of them are this key's; move organizations and their connections into organization files named by auth0kit:organizationFiles (docs/scale.md) before it stops pulumi up`,
      },
    });
  });

  it("is an error past the limit, with what pulumi up would say", () => {
    const budget = configBudget(configOf(140_000, "auth0kit:connections"));
    expect(budgetFinding(budget, "Pulumi.prod.yaml")?.issue).toEqual({
      path: "auth0kit:connections",
      message: `the stack configuration the engine passes to the program (PULUMI_CONFIG) is 140,000 of 131,072 bytes (107%), over Linux's limit for one environment variable, so pulumi preview and up would fail with "argument list too long"; ${(budget.largest!.bytes).toLocaleString("en-US")} of them are this key's; move organizations and their connections into organization files named by auth0kit:organizationFiles (docs/scale.md)`,
    });
  });

  it("names the stack file when its secret values take the most, and says how many it estimated", () => {
    const keys = [...Array(1_300).keys()].map((i) => `customer${String(i).padStart(4, "0")}Secret`);
    const connections = Object.fromEntries(keys.map((key, i) => [`c${i}`, { clientSecret: { secret: key } }]));
    const config = withPlaceholderSecrets({ values: { "auth0:domain": "a.example.com", "auth0kit:connections": JSON.stringify(connections) }, secretKeys: none }, "auth0kit");
    // The connections key itself is in the organization files of a large stack; only the secrets stay.
    const { "auth0kit:connections": _moved, ...values } = config.values;
    const budget = configBudget({ ...config, values });
    expect(budget.estimatedSecrets).toBe(1_300);
    expect(budget.secrets).toEqual({ count: 1_300, bytes: 1_300 * ('"auth0kit:config:customer0000Secret":"'.length + ASSUMED_SECRET_BYTES + 2) });
    const share = `${budget.bytes.toLocaleString("en-US")} of 131,072 bytes (${Math.round((budget.bytes / 131_072) * 100)}%)`;
    expect(budgetFinding(budget, "Pulumi.prod.yaml")?.issue).toEqual({
      path: "Pulumi.prod.yaml",
      message: `the stack configuration the engine passes to the program (PULUMI_CONFIG) is ${share} (1,300 secrets the plan cannot read counted at 64 bytes or their ciphertext's length), over Linux's limit for one environment variable, so pulumi preview and up would fail with "argument list too long"; ${budget.secrets.bytes.toLocaleString("en-US")} of them are its 1,300 secret values (each costs its full key, its value and 13 bytes); secrets always travel in it, so keep secret key names short and see docs/scale.md for tenants with more secret-bearing connections than fit`,
    });
  });

  it("prints the budget on one line", () => {
    expect(budgetLine(configBudget(configOf(13_107)))).toBe("Stack configuration (PULUMI_CONFIG, one environment variable): 13,107 of 131,072 bytes (10%) of the Linux limit, within budget");
    expect(budgetLine(configBudget(configOf(100_000)))).toContain("past the 75% safe share");
  });
});

describe("secret values the plan cannot read", () => {
  it("counts a secure: value at its ciphertext's length, and a referenced secret that is not set at 64 bytes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-budget-"));
    const file = path.join(dir, "Pulumi.prod.yaml");
    const ciphertext = `v1:${"A".repeat(20)}:${"B".repeat(60)}`;
    fs.writeFileSync(file, stringify({ config: { "auth0kit:oktaSecret": { secure: ciphertext }, "auth0kit:connections": { okta: { clientSecret: { secret: "oktaSecret" } }, ms: { clientSecret: { secret: "entraSecret" } } } } }));
    const config = withPlaceholderSecrets(readStackFile(file, "auth0kit"), "auth0kit");
    expect(config.values["auth0kit:oktaSecret"]).toBe("[secret]");
    expect(config.secretStandIns).toEqual({ "auth0kit:oktaSecret": "x".repeat(ciphertext.length), "auth0kit:entraSecret": "x".repeat(ASSUMED_SECRET_BYTES) });
    const budget = configBudget(config);
    expect(budget.bytes).toBe(configBudget({ values: { ...config.values, ...config.secretStandIns }, secretKeys: none }).bytes);
    expect(budget.estimatedSecrets).toBe(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

/** A dev stack file with `n` inline SAML organizations, each with its own connection. */
function inlineStack(n: number): string {
  const connections: Record<string, unknown> = {};
  const organizations: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const key = `customer-${String(i).padStart(4, "0")}`;
    connections[`${key}-sso`] = { kind: "enterprise", strategy: "samlp", signInUrl: `https://idp.${key}.example.com/sso/saml`, signingCert: "MIIC-synthetic-certificate-body", domainAliases: [`${key}.example.com`] };
    organizations[key] = { displayName: `Customer ${i}`, connections: { [`${key}-sso`]: { assignMembershipOnLogin: true } } };
  }
  return stringify({ config: { "auth0:domain": "budget-dev.us.auth0.com", "auth0kit:environment": "dev", "auth0kit:connections": connections, "auth0kit:organizations": organizations } });
}

describe("npm run plan and the budget", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-budget-plan-"));

  it("prints the budget, and the warning past 75%", () => {
    fs.writeFileSync(path.join(dir, "Pulumi.warn.yaml"), inlineStack(300));
    const run = plan("--config", path.join(dir, "Pulumi.warn.yaml"), "--out", path.join(dir, "out"));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^warning: auth0kit:connections: the stack configuration the engine passes to the program \(PULUMI_CONFIG\) is [\d,]+ of 131,072 bytes \(\d+%\), past 75% /m);
    expect(run.stdout).toMatch(/^Stack configuration \(PULUMI_CONFIG, one environment variable\): [\d,]+ of 131,072 bytes \(\d+%\) of the Linux limit, past the 75% safe share$/m);
  }, 60_000);

  it("stops with exit 2 and the error past the limit, writing nothing", () => {
    fs.writeFileSync(path.join(dir, "Pulumi.over.yaml"), inlineStack(400));
    const run = plan("--config", path.join(dir, "Pulumi.over.yaml"), "--out", path.join(dir, "over-out"), "--markdown", path.join(dir, "over.md"));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^auth0kit:connections: the stack configuration the engine passes to the program \(PULUMI_CONFIG\) is [\d,]+ of 131,072 bytes \(\d+%\), over Linux's limit for one environment variable, so pulumi preview and up would fail with "argument list too long"; [\d,]+ of them are this key's; move organizations and their connections into organization files named by auth0kit:organizationFiles \(docs\/scale\.md\)\n$/);
    expect(run.stdout).toBe("");
    expect(fs.existsSync(path.join(dir, "over-out"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "over.md"))).toBe(false);
  }, 60_000);
});
