/**
 * The file for `pulumi import --file`: every resource the offline plan of the adopted stack
 * declares, under the plan's own names, parents and types, with the Auth0 ID it adopts. The plan
 * decides names; this only recognises each planned resource by its inputs (an API by its
 * identifier, a connection by its name, a client by the stack output that names it) and looks its
 * ID up in what was read.
 */
import { createHash } from "node:crypto";
import type { PlannedResource } from "../plan/mockRuntime";
import { obj, str } from "./json";
import type { AdoptedIds } from "./stack";

export interface ImportEntry {
  readonly type: string;
  readonly name: string;
  readonly parent?: string;
  readonly id?: string;
  readonly component?: true;
}

export interface ImportFile {
  readonly resources: readonly ImportEntry[];
}

/** Resources the stack generates: nothing in Auth0 to import; the first up creates them. */
export const GENERATED_TYPE = "random:index/randomBytes:RandomBytes";

export function buildImportFile(plan: { readonly resources: readonly PlannedResource[]; readonly outputs: unknown }, ids: AdoptedIds): { file: ImportFile; generated: string[] } {
  const byName = new Map(plan.resources.map((resource) => [resource.name, resource]));
  const clientOf = new Map<string, string>();
  for (const [key, app] of Object.entries(obj(obj(plan.outputs)?.applications) ?? {})) {
    const owner = ownerOf(obj(app)?.clientId);
    if (owner !== undefined && ids.clients[key] !== undefined) clientOf.set(owner, ids.clients[key]);
  }
  const inputOfOwner = (reference: unknown, field: string) => str(byName.get(ownerOf(reference) ?? "")?.inputs[field]);
  const client = (reference: unknown) => clientOf.get(ownerOf(reference) ?? "");
  const singleton = (type: string) => uuidFrom(`${ids.domain}/${type}`);

  const idOf: Record<string, (inputs: Record<string, unknown>) => string | undefined> = {
    "auth0:index/tenant:Tenant": () => singleton("tenant"),
    "auth0:index/guardian:Guardian": () => singleton("guardian"),
    "auth0:index/attackProtection:AttackProtection": () => singleton("attack-protection"),
    "auth0:index/resourceServer:ResourceServer": (inputs) => ids.apis[str(inputs.identifier) ?? ""],
    // The provider imports the scopes of an API by its identifier.
    "auth0:index/resourceServerScopes:ResourceServerScopes": (inputs) => str(inputs.resourceServerIdentifier),
    "auth0:index/client:Client": () => undefined,
    "auth0:index/clientCredentials:ClientCredentials": (inputs) => client(inputs.clientId),
    "auth0:index/clientGrant:ClientGrant": (inputs) => ids.grants[client(inputs.clientId) ?? ""]?.[str(inputs.audience) ?? ""],
    "auth0:index/connection:Connection": (inputs) => ids.connections[str(inputs.name) ?? ""],
    "auth0:index/connectionClients:ConnectionClients": (inputs) => ids.connections[inputOfOwner(inputs.connectionId, "name") ?? ""],
    "auth0:index/organization:Organization": (inputs) => ids.organizations[str(inputs.name) ?? ""],
    "auth0:index/organizationConnections:OrganizationConnections": (inputs) => ids.organizations[inputOfOwner(inputs.organizationId, "name") ?? ""],
    "auth0:index/action:Action": (inputs) => ids.actions[str(inputs.name) ?? ""],
    "auth0:index/triggerActions:TriggerActions": (inputs) => str(inputs.trigger),
    "auth0:index/tokenExchangeProfile:TokenExchangeProfile": (inputs) => ids.profiles[str(inputs.subjectTokenType) ?? ""],
    "auth0:index/role:Role": (inputs) => ids.roles[str(inputs.name) ?? ""],
    // The provider imports a role's permissions by the role's ID.
    "auth0:index/rolePermissions:RolePermissions": (inputs) => ids.roles[inputOfOwner(inputs.roleId, "name") ?? ""],
    "auth0:index/logStream:LogStream": (inputs) => ids.logStreams[str(inputs.name) ?? ""],
    "auth0:index/customDomain:CustomDomain": () => ids.customDomain,
    "auth0:index/phoneProvider:PhoneProvider": () => ids.phoneProvider,
    "auth0:index/emailProvider:EmailProvider": () => singleton("email-provider"),
    // The provider imports a template by its name, a prompt's texts by `<prompt>::<language>`.
    "auth0:index/emailTemplate:EmailTemplate": (inputs) => known(ids.emailTemplates, str(inputs.template)),
    "auth0:index/branding:Branding": () => singleton("branding"),
    "auth0:index/prompt:Prompt": () => singleton("prompt"),
    "auth0:index/promptCustomText:PromptCustomText": (inputs) => known(ids.promptTexts, `${str(inputs.prompt)}::${str(inputs.language)}`),
  };

  const resources: ImportEntry[] = [];
  const generated: string[] = [];
  for (const resource of plan.resources) {
    const placed = { type: resource.type, name: resource.name, ...(resource.parent !== null && { parent: resource.parent }) };
    if (resource.type.startsWith("auth0kit:")) {
      resources.push({ ...placed, component: true });
      continue;
    }
    if (resource.type === GENERATED_TYPE) {
      generated.push(resource.name);
      continue;
    }
    const find = idOf[resource.type];
    if (find === undefined) throw new Error(`internal: the adopter does not know how to import ${resource.type} (${resource.name})`);
    const id = resource.type === "auth0:index/client:Client" ? clientOf.get(resource.name) : find(resource.inputs);
    if (id === undefined) throw new Error(`internal: no Auth0 ID for ${resource.type} ${resource.name}`);
    resources.push({ ...placed, id });
  }
  return { file: { resources }, generated };
}

/** `id` when it is among what was adopted. */
function known(adopted: readonly string[], id: string | undefined): string | undefined {
  return id !== undefined && adopted.includes(id) ? id : undefined;
}

/** `placeholder:tenant-app-spa-client:clientId` → `tenant-app-spa-client`: the resource an output came from. */
function ownerOf(value: unknown): string | undefined {
  const match = typeof value === "string" ? /^placeholder:(.+):[A-Za-z]+$/.exec(value) : null;
  return match?.[1];
}

/** The provider ignores a tenant singleton's import ID; a UUID derived from the tenant keeps the file stable. */
function uuidFrom(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
