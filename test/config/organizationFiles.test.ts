import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { projectFileReader, type SourceReader } from "../../config/actionSources";
import { ConfigError, formatIssue, sortIssues } from "../../config/issues";
import { loadSpec } from "../../config/load";
import { configWith, type ConfigInput, stackConfig } from "./fixtures";

/** A project holding exactly `files` (path → text); directories are implied by the paths. */
function project(files: Record<string, string>): SourceReader {
  const read = (p: string) => files[p];
  const list = (dir: string) => {
    const prefix = `${dir}/`;
    const names = new Set<string>();
    for (const file of Object.keys(files)) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      names.add(rest.includes("/") ? `${rest.split("/")[0]}/` : rest);
    }
    return names.size === 0 ? undefined : [...names].sort();
  };
  return Object.assign(read, { list });
}

const ACME = `organizations:
  acme:
    displayName: Acme Corp
    connections:
      acme-sso: { assignMembershipOnLogin: true }
connections:
  acme-sso:
    kind: enterprise
    strategy: samlp
    signInUrl: https://idp.acme.com/sso
    signingCert: MIIB
    domainAliases: [acme.com]
    applications: [spa]
`;

const GLOBEX = `organizations:
  globex:
    connections: { globex-okta: {} }
connections:
  globex-okta:
    kind: enterprise
    strategy: okta
    domain: globex.okta.com
    clientId: globex-client
    clientSecret: { secret: globexOktaSecret }
    applications: [spa]
`;

function load(config: ConfigInput, files: Record<string, string>, secretKeys: string[] = []) {
  return loadSpec(stackConfig(config, secretKeys), {}, project(files));
}

function issues(config: ConfigInput, files: Record<string, string>, secretKeys: string[] = []): string[] {
  try {
    load(config, files, secretKeys);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return sortIssues(error.issues).map(formatIssue);
    throw error;
  }
}

const listing = (...entries: string[]) => configWith({ "auth0kit:organizationFiles": entries });
const withSecret = (config: ConfigInput) => ({ ...config, "auth0kit:globexOktaSecret": "[secret]" });

describe("auth0kit:organizationFiles", () => {
  it("reads a directory's files into the same spec as the stack keys would give", () => {
    const fromFiles = load(withSecret(listing("customers")), { "customers/acme.yaml": ACME, "customers/globex.yml": GLOBEX }, ["auth0kit:globexOktaSecret"]);
    const inline = loadSpec(
      stackConfig(
        withSecret(
          configWith({
            "auth0kit:organizations": {
              acme: { displayName: "Acme Corp", connections: { "acme-sso": { assignMembershipOnLogin: true } } },
              globex: { connections: { "globex-okta": {} } },
            },
            "auth0kit:connections": {
              "acme-sso": { kind: "enterprise", strategy: "samlp", signInUrl: "https://idp.acme.com/sso", signingCert: "MIIB", domainAliases: ["acme.com"], applications: ["spa"] },
              "globex-okta": { kind: "enterprise", strategy: "okta", domain: "globex.okta.com", clientId: "globex-client", clientSecret: { secret: "globexOktaSecret" }, applications: ["spa"] },
            },
          }),
        ),
        ["auth0kit:globexOktaSecret"],
      ),
    );
    expect(JSON.stringify(fromFiles)).toBe(JSON.stringify(inline));
    expect(fromFiles.secretRefs).toEqual(["globexOktaSecret"]);
  });

  it("merges named files with the stack file's own organizations and connections, sorted by key", () => {
    const config = configWith({
      "auth0kit:organizationFiles": ["customers/globex.yaml", "customers/acme.yaml"],
      "auth0kit:organizations": { beta: { connections: { "acme-sso": {} } } },
    });
    const spec = load(withSecret(config), { "customers/acme.yaml": ACME, "customers/globex.yaml": GLOBEX }, ["auth0kit:globexOktaSecret"]);
    expect(Object.keys(spec.organizations)).toEqual(["acme", "beta", "globex"]);
    expect(Object.keys(spec.connections)).toEqual(["acme-sso", "globex-okta"]);
    expect(spec.organizations.acme!.displayName).toBe("Acme Corp");
  });

  it("gives the same spec whatever order the files are listed in", () => {
    const files = { "a/acme.yaml": ACME, "b/globex.yaml": GLOBEX };
    const one = load(withSecret(listing("a/acme.yaml", "b/globex.yaml")), files, ["auth0kit:globexOktaSecret"]);
    const two = load(withSecret(listing("b/globex.yaml", "a/acme.yaml")), files, ["auth0kit:globexOktaSecret"]);
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
  });

  it("reads real files from the project directory", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "auth0kit-orgfiles-"));
    try {
      fs.mkdirSync(path.join(root, "customers"));
      fs.writeFileSync(path.join(root, "customers", "acme.yaml"), ACME);
      const spec = loadSpec(stackConfig(listing("customers/")), {}, projectFileReader(root));
      expect(Object.keys(spec.connections)).toContain("acme-sso");
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("names the file and the path inside it for schema problems", () => {
    expect(issues(listing("customers"), { "customers/acme.yaml": ACME.replace("displayName: Acme Corp", "displayName: Acme Corp\n    colour: red") })).toEqual([
      'customers/acme.yaml:organizations.acme: unknown key "colour"; remove it or fix the spelling (known keys: name, displayName, branding, connections)',
    ]);
  });

  it("names the file for cross-reference problems found on the merged stack", () => {
    expect(issues(listing("customers"), { "customers/acme.yaml": ACME.replace("acme-sso: { assignMembershipOnLogin: true }", "acme-ssso: {}") })).toEqual([
      'customers/acme.yaml:organizations.acme.connections.acme-ssso: unknown connection "acme-ssso"; defined connections: acme-sso',
    ]);
  });

  it("names the file for a secret the stack does not set", () => {
    expect(issues(listing("customers"), { "customers/globex.yaml": GLOBEX })).toEqual([
      "customers/globex.yaml:connections.globex-okta.clientSecret: auth0kit:globexOktaSecret is not set; set it with: pulumi config set --secret auth0kit:globexOktaSecret <value>",
    ]);
  });

  it("counts a file's secret reference, so the secret is not reported as a leftover", () => {
    expect(issues(withSecret(listing("customers")), { "customers/globex.yaml": GLOBEX }, ["auth0kit:globexOktaSecret"])).toEqual([]);
  });

  it("reports YAML syntax errors with the line", () => {
    expect(issues(listing("customers"), { "customers/acme.yaml": "organizations:\n  acme: {\n" })).toEqual([
      expect.stringMatching(/^customers\/acme\.yaml: line 3, column 1: .+; fix the YAML syntax$/),
    ]);
  });

  it("reports a key written twice in one file", () => {
    expect(issues(listing("customers"), { "customers/acme.yaml": `${ACME}organizations: {}\n` })).toEqual([
      expect.stringMatching(/^customers\/acme\.yaml: line 14, column 1: Map keys must be unique; fix the YAML syntax$/),
    ]);
  });

  it("reports an unknown section, an empty file and a file with nothing in it", () => {
    expect(
      issues(listing("customers"), { "customers/a.yaml": "organisations: {}\n", "customers/b.yaml": "", "customers/c.yaml": "organizations: {}\n" }),
    ).toEqual([
      'customers/a.yaml: unknown key "organisations"; did you mean "organizations"?',
      "customers/b.yaml: is empty; add organizations: and connections:, or remove the file",
      "customers/c.yaml: declares no organizations or connections; add them or remove the file",
    ]);
  });

  it("reports a key defined in two files, and one defined in a file and the stack file", () => {
    const config = configWith({
      "auth0kit:organizationFiles": ["customers"],
      "auth0kit:connections": { "acme-sso": { kind: "database", applications: ["spa"] } },
    });
    expect(issues(config, { "customers/a.yaml": ACME, "customers/b.yaml": ACME.replace(/connections:\n {2}acme-sso:[\s\S]*$/, "") })).toEqual([
      'customers/a.yaml:connections.acme-sso: "acme-sso" is already defined in the stack file (auth0kit:connections.acme-sso); connections keys are unique across the stack file and its organization files',
      'customers/b.yaml:organizations.acme: "acme" is already defined in customers/a.yaml:organizations.acme; organizations keys are unique across the stack file and its organization files',
    ]);
  });

  it("reports what a listing names that cannot be read: a missing path, a file that is not YAML, anything else in a directory, a file read twice", () => {
    const files = { "customers/acme.yaml": ACME, "customers/README.md": "# customers", "customers/old/x.yaml": ACME, "notes.txt": "x" };
    expect(issues(listing("customers", "missing/", "notes.txt", "customers/acme.yaml"), files)).toEqual([
      "auth0kit:organizationFiles[0]: customers/README.md is not a .yaml organization file; move it out of customers/, which holds organization files only",
      "auth0kit:organizationFiles[0]: customers/old/ is not a .yaml organization file; move it out of customers/, which holds organization files only",
      "auth0kit:organizationFiles[1]: missing/ does not exist; create it or fix the path (relative to the project root)",
      "auth0kit:organizationFiles[2]: notes.txt is not a .yaml file; organization files are YAML (customers/acme.yaml)",
      "auth0kit:organizationFiles[3]: customers/acme.yaml is already read through auth0kit:organizationFiles[0]; list each file once",
    ]);
  });

  it.each(["/etc/customers", "../customers", "customers/../secrets", ""])("rejects the path %j", (entry) => {
    expect(issues(listing(entry), {})).toEqual([
      "auth0kit:organizationFiles[0]: must be a .yaml file or a directory relative to the project root, without .., e.g. customers/ or customers/acme.yaml",
    ]);
  });

  it("leaves a stack without organization files as it was", () => {
    expect(issues(configWith({ "auth0kit:organizationFiles": [] }), {})).toEqual([]);
  });
});
