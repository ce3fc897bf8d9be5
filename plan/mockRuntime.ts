import * as pulumi from "@pulumi/pulumi";
import { SECRET_PLACEHOLDER } from "./stackFile";

/** One resource the program declared, as `pulumi up` would register it. */
export interface PlannedResource {
  readonly type: string;
  readonly name: string;
  /** The parent's logical name, or null for a root resource. */
  readonly parent: string | null;
  readonly custom: boolean;
  /** Inputs as sent to the provider, with every secret replaced by "[secret]". */
  readonly inputs: Record<string, unknown>;
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  /** Logical names of the resources this one explicitly depends on. */
  readonly dependsOn: readonly string[];
}

/**
 * Values the provider computes, filled per type token so that references between resources
 * resolve. Each one says it is a placeholder.
 */
const COMPUTED_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
  "auth0:index/client:Client": ["clientId"],
  "auth0:index/clientCredentials:ClientCredentials": ["clientSecret"],
  "auth0:index/resourceServer:ResourceServer": [],
  // `id` is filled for every custom resource; an Action also reports the version it deployed.
  "auth0:index/action:Action": ["versionId"],
  "auth0:index/triggerActions:TriggerActions": [],
  "auth0:index/tokenExchangeProfile:TokenExchangeProfile": [],
};

export function placeholder(name: string, field: string): string {
  return `placeholder:${name}:${field}`;
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getProtect(): boolean | undefined;
  getRetainondelete(): boolean | undefined;
  getDependenciesList(): string[];
}
interface RegisterResponse {
  getUrn(): string;
}
type Callback = (err: unknown, response?: RegisterResponse) => void;
interface MockMonitorLike {
  registerResource(req: RegisterRequest, callback: Callback): Promise<void>;
}

/** Records every registration, in order, with the options `pulumi up` would act on. */
export class ResourceRecorder {
  private readonly byUrn = new Map<string, { type: string; name: string }>();
  private readonly pending: { req: RegisterRequest; urn: string; inputs: Record<string, unknown> }[] = [];
  private readonly inputsByKey = new Map<string, Record<string, unknown>>();

  /** Called from the mocks with the inputs the SDK serialized. */
  rememberInputs(type: string, name: string, inputs: Record<string, unknown>): void {
    this.inputsByKey.set(`${type}::${name}`, inputs);
  }

  record(req: RegisterRequest, urn: string): void {
    this.byUrn.set(urn, { type: req.getType(), name: req.getName() });
    this.pending.push({ req, urn, inputs: this.inputsByKey.get(`${req.getType()}::${req.getName()}`) ?? {} });
  }

  /** Sorted by name: registration order depends on promise timing, the plan must not. */
  resources(): PlannedResource[] {
    const sorted = [...this.pending].sort((a, b) => (a.req.getName() < b.req.getName() ? -1 : a.req.getName() > b.req.getName() ? 1 : 0));
    return sorted.map(({ req, inputs }) => ({
      type: req.getType(),
      name: req.getName(),
      parent: this.byUrn.get(req.getParent())?.name ?? null,
      custom: req.getCustom(),
      inputs: maskSecrets(inputs) as Record<string, unknown>,
      protect: req.getProtect() ?? false,
      retainOnDelete: req.getRetainondelete() ?? false,
      dependsOn: req
        .getDependenciesList()
        .map((urn) => this.byUrn.get(urn)?.name ?? urn)
        .sort(),
    }));
  }
}

export interface MockRuntimeOptions {
  readonly project: string;
  readonly stack: string;
  readonly config: Readonly<Record<string, string>>;
  readonly secretKeys: ReadonlySet<string>;
}

/**
 * Puts the Pulumi SDK into its mock runtime (no engine, no provider, no credentials) as a
 * preview, loads the stack's configuration, and records every resource registration.
 */
export async function installMockRuntime(options: MockRuntimeOptions): Promise<ResourceRecorder> {
  const recorder = new ResourceRecorder();
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        recorder.rememberInputs(args.type, args.name, args.inputs as Record<string, unknown>);
        const computed: Record<string, unknown> = {};
        for (const field of COMPUTED_OUTPUTS[args.type] ?? []) computed[field] = placeholder(args.name, field);
        return { id: args.custom ? placeholder(args.name, "id") : "", state: { ...args.inputs, ...computed } };
      },
      call(args) {
        throw new Error(`the program called ${args.token}, which the offline plan does not mock; every call must be mocked explicitly`);
      },
    },
    options.project,
    options.stack,
    true,
  );
  pulumi.runtime.setAllConfig({ ...options.config }, [...options.secretKeys]);

  const monitor = pulumi.runtime.getMonitor() as unknown as MockMonitorLike;
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) =>
    register(req, (err, response) => {
      if (!err && response) recorder.record(req, response.getUrn());
      callback(err, response);
    });
  return recorder;
}

/** Waits until the SDK has no registration or output resolution left in flight. */
export async function settle(): Promise<void> {
  const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
  await settings.waitForRPCs();
}

/** Replaces every secret (as the SDK serializes it) with "[secret]". */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (typeof value === "object" && value !== null) {
    if (pulumi.runtime.isRpcSecret(value)) return SECRET_PLACEHOLDER;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSecrets(v)]));
  }
  return value;
}

/** Resolves a program's outputs, replacing secret outputs by "[secret]". */
export async function resolveOutputs(value: unknown): Promise<unknown> {
  if (pulumi.Output.isInstance(value)) {
    if (await pulumi.isSecret(value)) return SECRET_PLACEHOLDER;
    const inner = await new Promise<unknown>((resolve) => value.apply((v) => resolve(v)));
    return resolveOutputs(inner);
  }
  if (Array.isArray(value)) return Promise.all(value.map(resolveOutputs));
  if (typeof value === "object" && value !== null) {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await resolveOutputs(v)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}
