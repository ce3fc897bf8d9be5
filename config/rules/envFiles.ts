import * as path from "node:path";
import { OIDC_SCOPES } from "../schema/envFiles";
import { parseUrl } from "../schema/common";
import { EnvValueError, formatValue } from "../../env/render";
import { type ConfigIssue, configPath, echo } from "../issues";
import { envVariableSites, needsTenant } from "../references";
import { entryOf, isSecretValue, issuerDomain, type TenantSpec } from "../spec";
import { audienceOfLiteral } from "./literalRoles";

const ROOT = "auth0kit:envFiles";

type Located = ReturnType<typeof envVariableSites>[number];

const at = (v: Located, ...segments: string[]) => configPath(v.path, ...segments);

/**
 * Secrets never reach a browser bundle: a frontend file holds no secret at all, and an
 * application's client secret goes to backend files only.
 */
export function envSecretsStayServerSide(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const v of envVariableSites(spec)) {
    if (v.file.kind === "frontend" && isSecretValue(v.source)) {
      issues.push({ path: at(v), message: "a frontend file can never hold a secret (it ends up in the browser bundle); move this variable to a backend file" });
    } else if ("ref" in v.source && v.source.ref === "clientSecret" && v.file.kind !== "backend") {
      issues.push({ path: at(v), message: `a client secret may only go to a backend file, not a ${v.file.kind} file; move this variable to a backend file` });
    }
  }
  return issues;
}

/** One variable per name in a file, and one file per path. */
export function envNamesAndPathsUnique(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const paths = new Map<string, string>();
  for (const file of Object.values(spec.envFiles)) {
    const first = paths.get(file.path);
    if (first !== undefined) {
      issues.push({ path: configPath(ROOT, file.key, "path"), message: `${echo(file.path)} is also the path of env file "${first}"; give each file its own path` });
    } else {
      paths.set(file.path, file.key);
    }
  }
  const seen = new Map<string, number>();
  for (const v of envVariableSites(spec)) {
    const id = `${v.file.key}\n${v.name}`;
    const firstIndex = seen.get(id);
    if (firstIndex !== undefined) {
      issues.push({ path: at(v), message: `${v.name} is already set at vars[${firstIndex}]; keep one of them` });
    } else {
      seen.set(id, v.index);
    }
  }
  return issues;
}

/**
 * A scopes string is built from a grant, so the grant must exist; offline_access only works
 * when the API allows refresh tokens.
 */
export function envScopesMatchGrants(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const v of envVariableSites(spec)) {
    if (!("ref" in v.source) || v.source.ref !== "scopes") continue;
    const { application, api, offlineAccess } = v.source;
    const app = entryOf(spec.applications, application);
    const target = entryOf(spec.apis, api);
    if (app === undefined || target === undefined) continue;
    if (!Object.hasOwn(app.grants, api)) {
      issues.push({ path: at(v), message: `application "${application}" has no grant to API "${api}"; add auth0kit:applications.${application}.grants.${api} with the permissions it requests` });
    }
    if (offlineAccess && !target.allowOfflineAccess) {
      issues.push({ path: at(v, "offlineAccess"), message: `API "${api}" does not allow offline access, so Auth0 would issue no refresh token; set auth0kit:apis.${api}.allowOfflineAccess: true or drop offline_access` });
    }
  }
  return issues;
}

/**
 * The troubleshooting lists of the runbooks as rules: in a file that names an audience, a
 * scope it requests must be a permission of that API and granted to the file's application,
 * and scopes built from a grant must be for that audience.
 */
export function envFrontendScopesConsistent(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const file of Object.values(spec.envFiles)) {
    const vars = envVariableSites(spec).filter((v) => v.file === file);
    // A literal audience that is exactly an API's identifier counts as that API (literalRoles.ts refuses any other).
    const audiences = vars.flatMap((v) => {
      if ("ref" in v.source && v.source.ref === "apiIdentifier") return [v.source.api];
      const api = "literal" in v.source ? audienceOfLiteral(spec, v.name, v.source.literal) : undefined;
      return api === undefined ? [] : [api];
    });
    const clients = vars.flatMap((v) => ("ref" in v.source && v.source.ref === "clientId" ? [v.source.application] : []));
    if (audiences.length === 0) continue;
    for (const v of vars) {
      if ("ref" in v.source && v.source.ref === "scopes" && !audiences.includes(v.source.api)) {
        issues.push({ path: at(v, "api"), message: `requests scopes of API "${v.source.api}" but the file's audience is ${audiences.map((a) => `"${a}"`).join(", ")}; use the same API for both` });
      }
      if (!("literal" in v.source) || !/_SCOPES?$/.test(v.name)) continue;
      for (const scope of v.source.literal.split(/\s+/).filter(Boolean)) {
        if ((OIDC_SCOPES as readonly string[]).includes(scope) || scope === "offline_access") continue;
        const owner = audiences.find((api) => Object.hasOwn(spec.apis, api) && Object.hasOwn(spec.apis[api]!.permissions, scope));
        if (owner === undefined) {
          issues.push({ path: at(v), message: `requests "${scope}", which is not a permission of ${audiences.map((a) => `"${a}"`).join(", ")}; define it on the API or remove it` });
          continue;
        }
        const ungranted = clients.filter((key) => Object.hasOwn(spec.applications, key) && !spec.applications[key]!.grants[owner]?.permissions.includes(scope));
        for (const key of ungranted) {
          issues.push({ path: at(v), message: `requests "${scope}", which application "${key}" is not granted; add it to auth0kit:applications.${key}.grants.${owner}.permissions` });
        }
      }
    }
  }
  return issues;
}

/**
 * Tokens are verified with keys from the issuer's own domain; a literal that mixes domains fails
 * at runtime. Only a local stack writes these as literals of its own choosing: elsewhere a literal
 * must be exactly the tenant's issuer or JWKS URL (literalRoles.ts), so they cannot disagree.
 */
export function envIssuerMatchesJwks(spec: TenantSpec): ConfigIssue[] {
  if (spec.environment !== "local") return [];
  const issues: ConfigIssue[] = [];
  for (const file of Object.values(spec.envFiles)) {
    const hosts = envVariableSites(spec)
      .filter((v) => v.file === file && /ISSUER|JWKS/.test(v.name))
      .flatMap((v) => {
        if ("ref" in v.source && (v.source.ref === "issuer" || v.source.ref === "jwksUrl")) return [{ v, host: issuerDomain(spec) }];
        if ("literal" in v.source) {
          const host = parseUrl(v.source.literal)?.host;
          return host ? [{ v, host }] : [];
        }
        return [];
      });
    const first = hosts[0];
    for (const { v, host } of hosts.slice(1)) {
      if (first && host !== first.host) {
        issues.push({ path: at(v), message: `is on ${host} but ${first.v.name} is on ${first.host}; the issuer and the JWKS URL must come from the same domain` });
      }
    }
  }
  return issues;
}

/** A local stack has no tenant: its files hold literals, generated secrets and config secrets only. */
export function envLocalHasNoTenantRefs(spec: TenantSpec): ConfigIssue[] {
  if (spec.environment !== "local") return [];
  return envVariableSites(spec)
    .filter((v) => needsTenant(v.source))
    .map((v) => ({
      path: at(v),
      message: `a local stack provisions no Auth0 tenant, so there is no ${"ref" in v.source ? v.source.ref : ""} to reference; use a literal or a generated secret`,
    }));
}

/**
 * Every env file stays inside the workspace root (`auth0kit:workspaceRoot`, the project directory
 * unless the stack declares another), judged on the paths as written, both relative to the project
 * directory; the writer also refuses a symlink that leads out of it (env/write.ts).
 */
export function envPathsInsideWorkspace(spec: TenantSpec): ConfigIssue[] {
  const root = path.posix.normalize(spec.workspaceRoot);
  const named = root === "." ? `"." (the project directory)` : JSON.stringify(spec.workspaceRoot);
  return Object.values(spec.envFiles).flatMap((file) => {
    const relative = path.posix.relative(root, path.posix.normalize(file.path));
    if (relative !== "" && !relative.startsWith("../") && relative !== ".." && !path.posix.isAbsolute(relative)) return [];
    return [
      {
        path: configPath(ROOT, file.key, "path"),
        message: `${echo(file.path)} is outside the workspace root ${named}; write the file inside it, or declare the directory it belongs to with auth0kit:workspaceRoot`,
      },
    ];
  });
}

/** A literal that no .env quoting can carry is caught here, not halfway through `pulumi up`. */
export function envLiteralsCarriable(spec: TenantSpec): ConfigIssue[] {
  return envVariableSites(spec).flatMap((v) => {
    if (!("literal" in v.source)) return [];
    try {
      formatValue(v.source.literal, v.file.kind);
      return [];
    } catch (error) {
      if (error instanceof EnvValueError) return [{ path: at(v), message: `the value ${error.message}` }];
      throw error;
    }
  });
}
