/**
 * npm run adopt -- --stack <name> [--domain <tenant domain>] [--environment dev|stage|prod] [--force]
 *
 * Reads a live tenant through the Management API (GET only) and writes `Pulumi.<name>.yaml` in
 * auth0kit's schema, `import.<name>.json` for `pulumi import --file`, the Action sources and
 * email bodies it found, and `adopt.<name>.md`, the report it also prints. Exit 0 when written; 2 on bad input
 * (options, credentials, files that exist without --force); 1 when the tenant cannot be read.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { Io } from "./io";
import { projectFileReader } from "../config/actionSources";
import { ConfigError } from "../config/issues";
import { collectSecretRefs } from "../config/secrets";
import type { Environment } from "../config/schema/tenant";
import { writeFileAtomic } from "../env/write";
import { runPlan } from "../plan/run";
import { readStackFile, StackFileError } from "../plan/stackFile";
import { ManagementReader, TenantReadError, type Transport } from "../adopt/client";
import { httpsTransport } from "../adopt/https";
import { buildImportFile } from "../adopt/importFile";
import { renderReport } from "../adopt/report";
import { settle, stackConfigOf } from "../adopt/settle";
import { adoptTenant } from "../adopt/stack";
import { renderStackFile } from "../adopt/stackFile";
import { readTenant } from "../adopt/tenant";

const USAGE = "usage: npm run adopt -- --stack <name> [--domain <tenant domain>] [--environment dev|stage|prod] [--force]";
const PROJECT_DIR = path.resolve(__dirname, "..");
const PROJECT = "auth0kit";
const ENVIRONMENTS = ["dev", "stage", "prod"] as const;

export interface AdoptDeps {
  /** Where the files go and Action sources and email bodies are looked for; the project directory by default. */
  readonly projectDir?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** How requests reach the tenant; HTTPS by default. */
  readonly transport?: Transport;
}

class UsageError extends Error {}

export async function adoptCommand(argv: readonly string[], io: Io = process, deps: AdoptDeps = {}): Promise<number> {
  try {
    return await adopt(argv, io, deps);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof StackFileError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof TenantReadError) {
      io.stderr.write(`adopt: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`auth0kit adopt failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

async function adopt(argv: readonly string[], io: Io, deps: AdoptDeps): Promise<number> {
  const args = parseOptions(argv);
  const projectDir = deps.projectDir ?? PROJECT_DIR;
  const env = deps.env ?? process.env;
  const stack = args.stack;
  const environment = environmentOf(stack, args.environment);
  const stackFile = path.join(projectDir, `Pulumi.${stack}.yaml`);
  const importPath = path.join(projectDir, `import.${stack}.json`);
  const reportPath = path.join(projectDir, `adopt.${stack}.md`);
  if (!args.force) refuseOverwrite([stackFile, importPath, reportPath], projectDir);
  const credentials = credentialsOf(args.domain, env, stackFile);
  const existingSources = filesByText(projectDir, "actions", (name) => name.endsWith(".js"));
  const existingBodies = filesByText(projectDir, "emails", () => true);

  const reader = new ManagementReader(credentials, deps.transport ?? httpsTransport(env));
  const snapshot = await readTenant(reader, credentials.clientId);
  const adoption = adoptTenant(snapshot, { environment, existingSources, existingBodies });
  const newSources = Object.entries(adoption.sources).filter(([file]) => !fs.existsSync(path.join(projectDir, file)) || fs.readFileSync(path.join(projectDir, file), "utf8") !== adoption.sources[file]);
  if (!args.force) refuseOverwrite(newSources.map(([file]) => path.join(projectDir, file)), projectDir);

  const projectFiles = projectFileReader(projectDir);
  const settled = settle(adoption.config, environment, (file) => adoption.sources[file] ?? projectFiles(file));
  for (const [file, code] of newSources) writeFileAtomic(path.join(projectDir, file), code);
  // Names, parents and types come from the program itself, planned on the adopted stack.
  const plan = await runPlan({ projectDir: PROJECT_DIR, stack, config: stackConfigOf(settled.config) });
  const { file: importFile, generated } = buildImportFile(plan, adoption.ids);

  const referenced = new Set(Object.entries(settled.config).flatMap(([key, value]) => collectSecretRefs(key, value).map((ref) => ref.key)));
  const { findings } = adoption;
  const relative = (file: string) => path.relative(projectDir, file);
  const report = renderReport({
    stack,
    domain: credentials.domain,
    environment,
    files: { stackFile: relative(stackFile), importFile: relative(importPath), sources: newSources.map(([file]) => file) },
    counts: Object.fromEntries(
      (["apis", "applications", "connections", "organizations", "actions", "logStreams"] as const).map((key) => [key, Object.keys(settled.spec[key]).length]),
    ),
    unmanaged: [...findings.unmanaged, ...settled.dropped],
    changes: [...findings.changes, ...settled.refused],
    notes: findings.notes,
    overrides: settled.overrides,
    secrets: findings.secrets.filter((secret) => referenced.has(secret.key)),
    generated,
  });
  writeFileAtomic(importPath, `${JSON.stringify(importFile, null, 2)}\n`);
  writeFileAtomic(reportPath, report);
  writeFileAtomic(stackFile, renderStackFile(settled.config, credentials.domain));
  io.stdout.write(report);
  return 0;
}

function parseOptions(argv: readonly string[]): { stack: string; domain?: string; environment?: string; force: boolean } {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: { stack: { type: "string" }, domain: { type: "string" }, environment: { type: "string" }, force: { type: "boolean", default: false } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.stack === undefined || !/^[A-Za-z0-9_.-]+$/.test(values.stack)) throw new UsageError("--stack: required; name the stack to write, e.g. --stack prod");
  return { stack: values.stack, domain: values.domain, environment: values.environment, force: values.force ?? false };
}

function environmentOf(stack: string, given: string | undefined): Exclude<Environment, "local"> {
  const environment = given ?? ((ENVIRONMENTS as readonly string[]).includes(stack) ? stack : undefined);
  if (environment === undefined) throw new UsageError(`--environment: required for stack ${stack}; use dev, stage or prod`);
  if (environment === "local") throw new UsageError("--environment: a local stack provisions no tenant, so there is nothing to adopt; use dev, stage or prod");
  if (!(ENVIRONMENTS as readonly string[]).includes(environment)) throw new UsageError(`--environment: "${environment}" is not an environment; use dev, stage or prod`);
  return environment as Exclude<Environment, "local">;
}

/** As the provider takes them: the environment first, then the stack's own config (never its encrypted secret). */
function credentialsOf(domain: string | undefined, env: Readonly<Record<string, string | undefined>>, stackFile: string) {
  const stackConfig = fs.existsSync(stackFile) ? readStackFile(stackFile, PROJECT).values : {};
  const resolved = {
    domain: domain ?? env.AUTH0_DOMAIN ?? stackConfig["auth0:domain"],
    clientId: env.AUTH0_CLIENT_ID ?? stackConfig["auth0:clientId"],
    clientSecret: env.AUTH0_CLIENT_SECRET,
  };
  if (!resolved.domain) throw new UsageError("--domain: required; pass the tenant's domain (e.g. --domain acme.us.auth0.com) or export AUTH0_DOMAIN");
  if (!/^[A-Za-z0-9.-]+(:[0-9]{1,5})?$/.test(resolved.domain)) throw new UsageError(`--domain: "${resolved.domain}" is not a domain; write the host only, e.g. acme.us.auth0.com`);
  if (!resolved.clientId) throw new UsageError("AUTH0_CLIENT_ID: required; export the client ID of an application authorized for the Management API with the read scopes in the README");
  if (!resolved.clientSecret) {
    throw new UsageError("AUTH0_CLIENT_SECRET: required; export that application's client secret (a stack file's secure value cannot be decrypted without the Pulumi CLI)");
  }
  return { domain: resolved.domain, clientId: resolved.clientId, clientSecret: resolved.clientSecret };
}

function refuseOverwrite(files: readonly string[], projectDir: string): void {
  const existing = files.filter((file) => fs.existsSync(file));
  if (existing.length > 0) {
    throw new UsageError(existing.map((file) => `${path.relative(projectDir, file)}: exists; pass --force to overwrite it`).join("\n"));
  }
}

/** The project's files under `folder` that `accept` takes, path by text (the first path in sorted order wins). */
function filesByText(projectDir: string, folder: string, accept: (name: string) => boolean): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (accept(entry.name)) {
        const text = fs.readFileSync(full, "utf8");
        if (!found.has(text)) found.set(text, path.relative(projectDir, full).split(path.sep).join("/"));
      }
    }
  };
  walk(path.join(projectDir, folder));
  return found;
}
