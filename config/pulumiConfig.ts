import * as pulumi from "@pulumi/pulumi";
import type { StackConfig } from "./load";

interface ConfigSecrets {
  isConfigSecret(key: string): boolean;
}

/**
 * The stack's configuration exactly as the Pulumi engine (or the plan's mock runtime) handed it
 * to this program, including which keys were set with `--secret`.
 */
export function readStackConfig(): StackConfig {
  const values = pulumi.runtime.allConfig();
  // Not in the SDK's typings (marked internal), but it is how the SDK itself answers
  // "is this key a secret" for Config.get's warning; pinned SDK versions are tested.
  const { isConfigSecret } = pulumi.runtime as unknown as ConfigSecrets;
  return { values, secretKeys: new Set(Object.keys(values).filter((key) => isConfigSecret(key))) };
}
