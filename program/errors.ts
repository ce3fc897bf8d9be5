import * as pulumi from "@pulumi/pulumi";
import type { ConfigError } from "../config/issues";

/**
 * An invalid configuration, as the program reports it: a RunError, so `pulumi preview` and
 * `pulumi up` print the problems, one per line, without a stack trace.
 */
export class InvalidConfigError extends pulumi.RunError {
  constructor(readonly cause: ConfigError) {
    super(cause.message);
    this.name = "InvalidConfigError";
  }
}
