import type * as pulumi from "@pulumi/pulumi";
import type { TenantSpec } from "../config/spec";

/**
 * One run of the program, for the offline plan: what `pulumi up` would get, plus what the plan
 * shows beside it, so that the plan neither validates nor renders anything a second time.
 */
export interface ProgramResult {
  /** The stack's validated description. */
  readonly spec: TenantSpec;
  /** The stack outputs, exactly as the program exports them. */
  readonly outputs: Readonly<Record<string, unknown>>;
  /** Each env file by key, rendered with every secret as `[secret]`. */
  readonly maskedEnvFiles: Readonly<Record<string, pulumi.Output<string>>>;
}
