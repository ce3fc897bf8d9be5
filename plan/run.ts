import * as path from "node:path";
import program from "../index";
import { installMockRuntime, type PlannedResource, resolveOutputs, settle } from "./mockRuntime";
import { readProjectFile, readStackFile, withPlaceholderSecrets } from "./stackFile";

export interface PlanOptions {
  /** The directory holding Pulumi.yaml. */
  readonly projectDir: string;
  readonly stack: string;
  /** The stack file; defaults to Pulumi.<stack>.yaml beside Pulumi.yaml. */
  readonly configFile?: string;
}

export interface PlanResult {
  readonly stack: string;
  readonly resources: readonly PlannedResource[];
  readonly outputs: unknown;
  /** Secret config keys the stack references but does not set; `pulumi up` needs them. */
  readonly unsetSecrets: readonly string[];
  /** Warnings the program logged, each `<config path>: <message>`. */
  readonly warnings: readonly string[];
}

/**
 * Runs the auth0kit program (index.ts, exactly as `pulumi up` runs it) under the SDK's mock
 * runtime and returns every resource it declares and its stack outputs, secrets masked.
 * Throws StackFileError or ConfigError when the stack's configuration is invalid.
 */
export async function runPlan(options: PlanOptions): Promise<PlanResult> {
  const project = readProjectFile(options.projectDir);
  const configFile = options.configFile ?? path.join(options.projectDir, `Pulumi.${options.stack}.yaml`);
  const config = withPlaceholderSecrets(readStackFile(configFile, project.name), project.name);
  const recorder = await installMockRuntime({
    project: project.name,
    stack: options.stack,
    config: config.values,
    secretKeys: config.secretKeys,
  });
  const outputs = await resolveOutputs(await program());
  await settle();
  return { stack: options.stack, resources: recorder.resources(), outputs, unsetSecrets: config.unsetSecrets, warnings: recorder.warnings() };
}
