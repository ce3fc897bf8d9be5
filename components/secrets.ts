import type * as pulumi from "@pulumi/pulumi";

/**
 * Secret config values by key; components look up `SecretRef.secret` here. Declared below every
 * component that takes them, so that none imports the component that composes it.
 */
export type SecretValues = Readonly<Record<string, pulumi.Output<string>>>;
