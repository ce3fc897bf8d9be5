import * as pulumi from "@pulumi/pulumi";
import type { ConfigError } from "../config/issues";

/**
 * An invalid configuration, as the program reports it: a RunError, so `pulumi preview` and
 * `pulumi up` print the problems, one per line, without a stack trace.
 */
export class InvalidConfigError extends pulumi.RunError {
  constructor(cause: ConfigError) {
    super(cause.message);
    this.name = "InvalidConfigError";
    // Pulumi's runner hides a RunError's stack but still formats it with util.inspect for its
    // tracing span. On Node 20 that formatting never ends for the SDK's source-mapped frames
    // (`…/node_modules/@pulumi/resource.ts`, a scoped path with no further slash): it grows a
    // string until V8 refuses it, ~18 s and 3 GiB later. The stack says nothing a user needs.
    this.stack = `${this.name}: ${this.message}`;
  }
}
