import * as path from "node:path";
import { formatOverride } from "../config/guardrails";
import type { StackConfig } from "../config/load";
import type { PlanTier } from "../config/schema/tenant";
import program from "../index";
import { installMockRuntime, type PlannedResource, resolveOutputs, settle } from "./mockRuntime";
import { ConfigError, formatIssue } from "../config/issues";
import { budgetFinding, type ConfigBudget, configBudget } from "./configBudget";
import { readProjectFile, readStackFile, withPlaceholderSecrets } from "./stackFile";

export interface PlanOptions {
  /** The directory holding Pulumi.yaml. */
  readonly projectDir: string;
  readonly stack: string;
  /** The stack file; defaults to Pulumi.<stack>.yaml beside Pulumi.yaml. */
  readonly configFile?: string;
  /**
   * The stack's configuration itself, as a stack file's `config:` section would give it (keys
   * qualified, structured values as JSON text); replaces the stack file (the bench generates its
   * stacks this way).
   */
  readonly config?: StackConfig;
}

/** An env file as the plan renders it: placeholders for IDs, "[secret]" for secrets. */
export interface PlannedEnvFile {
  readonly name: string;
  readonly kind: string;
  readonly path: string;
  readonly vars: Readonly<Record<string, string>>;
  readonly content: string;
  readonly example: string;
}

export interface PlanResult {
  readonly stack: string;
  readonly resources: readonly PlannedResource[];
  readonly outputs: unknown;
  readonly envFiles: readonly PlannedEnvFile[];
  /** Secret config keys the stack references but does not set; `pulumi up` needs them. */
  readonly unsetSecrets: readonly string[];
  /** Warnings the program logged, each `<config path>: <message>`. */
  readonly warnings: readonly string[];
  /** Guardrail overrides in force, as `<rule> at <path>: <reason>`. */
  readonly overrides: readonly string[];
  /** `auth0kit:tenant.planTier`, for the rate-limit budget. */
  readonly planTier?: PlanTier;
  /** The size of the configuration the engine passes to the program, against Linux's limit. */
  readonly configBudget: ConfigBudget;
}

/**
 * Runs the auth0kit program (index.ts, exactly as `pulumi up` runs it) under the SDK's mock
 * runtime and returns every resource it declares and its stack outputs, secrets masked.
 * Throws StackFileError or ConfigError when the stack's configuration is invalid.
 */
export async function runPlan(options: PlanOptions): Promise<PlanResult> {
  const project = readProjectFile(options.projectDir);
  const configFile = options.configFile ?? path.join(options.projectDir, `Pulumi.${options.stack}.yaml`);
  const config = withPlaceholderSecrets(options.config ?? readStackFile(configFile, project.name), project.name);
  // Past the limit the engine cannot even start the program; say so before running it.
  const budget = configBudget(config);
  const finding = budgetFinding(budget, options.config === undefined ? path.basename(configFile) : "the stack configuration");
  if (finding?.level === "error") throw new ConfigError([finding.issue]);
  // The SDK captures a stack trace for every resource and every promise it creates (source
  // positions for the engine, leak diagnostics); with source maps on (tsx turns them on) each
  // capture maps every frame, which was two thirds of a large plan's time. Errors thrown later
  // are still mapped: Node formats a stack when it is first read, after this is restored.
  const sourceMaps = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  try {
    const result = await planWith(options, config, project.name);
    return { ...result, configBudget: budget, warnings: finding === undefined ? result.warnings : [formatIssue(finding.issue), ...result.warnings] };
  } finally {
    process.setSourceMapsEnabled(sourceMaps);
  }
}

async function planWith(options: PlanOptions, config: ReturnType<typeof withPlaceholderSecrets>, project: string): Promise<Omit<PlanResult, "configBudget">> {
  const recorder = await installMockRuntime({
    project,
    stack: options.stack,
    config: config.values,
    secretKeys: config.secretKeys,
  });
  const result = await program.run();
  const outputs = await resolveOutputs(result.outputs);
  const masked = (await resolveOutputs(result.maskedEnvFiles)) as Record<string, string>;
  await settle();
  const { spec } = result;
  const planned = (outputs as { envFiles?: Record<string, { vars: Record<string, string>; example: string }> }).envFiles ?? {};
  const envFiles = Object.values(spec.envFiles).map((file) => ({
    name: file.key,
    kind: file.kind,
    path: file.path,
    vars: planned[file.key]!.vars,
    content: masked[file.key]!,
    example: planned[file.key]!.example,
  }));
  return {
    stack: options.stack,
    resources: recorder.resources(),
    envFiles,
    outputs,
    unsetSecrets: config.unsetSecrets,
    warnings: recorder.warnings(),
    overrides: spec.overrides.map(formatOverride),
    planTier: spec.tenant.planTier,
  };
}
