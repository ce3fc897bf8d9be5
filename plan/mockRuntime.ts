import * as pulumi from "@pulumi/pulumi";
import { SECRET_MASK } from "../env/lines";
import { installMocks, maskSecrets, type RegisterRequest } from "./mockEngine.cjs";

export { maskSecrets, placeholder } from "./mockEngine.cjs";

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

/** Records every registration, in order, with the options `pulumi up` would act on. */
export class ResourceRecorder {
  private readonly byUrn = new Map<string, { type: string; name: string }>();
  private readonly pending: { req: RegisterRequest; urn: string; inputs: Record<string, unknown> }[] = [];
  private readonly inputsByKey = new Map<string, Record<string, unknown>>();
  private readonly logged: string[] = [];

  /** Called for every warning the program logs (`pulumi.log.warn`). */
  rememberWarning(message: string): void {
    this.logged.push(message);
  }

  /** The warnings the program logged, in order. */
  warnings(): string[] {
    return [...this.logged];
  }

  /**
   * Inputs as the program sent them, secrets unmasked. For tests only: under the mock runtime
   * every secret is a config placeholder or a generated `placeholder:…` value, never a real one.
   */
  unmaskedInputs(type: string, name: string): Record<string, unknown> | undefined {
    const inputs = this.inputsByKey.get(`${type}::${name}`);
    return inputs && (unmaskSecrets(inputs) as Record<string, unknown>);
  }

  /**
   * Records one registration with its inputs as the SDK serialized them for the engine. (The
   * mocks' own view of the inputs marks a whole property secret when any part of it is; the
   * engine keeps a nested secret nested, e.g. only a log stream's `sink.httpAuthorization`.)
   */
  record(req: RegisterRequest, urn: string): void {
    const inputs = (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
    this.byUrn.set(urn, { type: req.getType(), name: req.getName() });
    this.inputsByKey.set(`${req.getType()}::${req.getName()}`, inputs);
    this.pending.push({ req, urn, inputs });
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
  /** Run as a preview (the plan) or as an update (tests of `pulumi up` behaviour). Defaults to true. */
  readonly preview?: boolean;
}

/**
 * Puts the Pulumi SDK into its mock runtime (no engine, no provider, no credentials) as a
 * preview, loads the stack's configuration, and records every resource registration.
 */
export async function installMockRuntime(options: MockRuntimeOptions): Promise<ResourceRecorder> {
  const recorder = new ResourceRecorder();
  await installMocks({
    project: options.project,
    stack: options.stack,
    preview: options.preview ?? true,
    onRegister: (req, urn) => recorder.record(req, urn),
  });
  pulumi.runtime.setAllConfig({ ...options.config }, [...options.secretKeys]);

  // Without an engine the SDK would print warnings to stderr; the plan reports them itself.
  (pulumi.log as { warn: (message: string) => Promise<void> }).warn = (message) => {
    recorder.rememberWarning(message);
    return Promise.resolve();
  };

  withoutStackCapture();

  return recorder;
}

/**
 * The SDK captures a stack trace for every resource (source positions for the engine, with no
 * limit on depth) and for every promise it tracks (leak diagnostics). Under the mock runtime
 * nobody reads the positions, and the captures were most of a large plan's time (half of a
 * 1,000-organization plan after source maps were off). So the plan skips the resources' capture
 * and keeps the promises' tracking without its stack text. Both are SDK internals (the pinned SDK
 * version is tested by the whole plan suite); `pulumi up` never runs this.
 */
function withoutStackCapture(): void {
  const debuggable = require("@pulumi/pulumi/runtime/debuggable") as { debuggablePromise: (p: Promise<unknown>, ctx: unknown) => Promise<unknown>; __auth0kitPatched?: boolean };
  if (debuggable.__auth0kitPatched) return;
  const track = debuggable.debuggablePromise;
  debuggable.debuggablePromise = (promise, ctx) => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return track(promise, ctx);
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
  debuggable.__auth0kitPatched = true;
  (pulumi.Resource as unknown as { callsites: () => unknown[] }).callsites = () => [];
}

/** Waits until the SDK has no registration or output resolution left in flight. */
export async function settle(): Promise<void> {
  const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
  await settings.waitForRPCs();
}

function unmaskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unmaskSecrets);
  if (typeof value === "object" && value !== null) {
    if (pulumi.runtime.isRpcSecret(value)) return unmaskSecrets(pulumi.runtime.unwrapRpcSecret(value));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unmaskSecrets(v)]));
  }
  return value;
}

/** Resolves a program's outputs, replacing secret outputs by "[secret]". */
export async function resolveOutputs(value: unknown): Promise<unknown> {
  if (pulumi.Output.isInstance(value)) {
    if (await pulumi.isSecret(value)) return SECRET_MASK;
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
