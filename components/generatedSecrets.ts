import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { GeneratedSecretConfig } from "../config/schema/generatedSecrets";

export interface GeneratedSecretsArgs {
  /** The secrets to generate, by key. */
  readonly secrets: Readonly<Record<string, GeneratedSecretConfig>>;
}

/**
 * Random secrets the stack owns (bootstrap tokens, signing keys). Each is generated once and
 * kept in the encrypted state; bumping `rotation` replaces it with a new value.
 */
export class GeneratedSecrets extends pulumi.ComponentResource {
  /** Secret outputs by key. */
  readonly values: Readonly<Record<string, pulumi.Output<string>>>;

  constructor(name: string, args: GeneratedSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:secrets:GeneratedSecrets", name, {}, opts);
    const values: Record<string, pulumi.Output<string>> = {};
    for (const [key, secret] of Object.entries(args.secrets)) {
      const bytes = new random.RandomBytes(
        `${name}-${key}`,
        { length: secret.bytes, keepers: { rotation: String(secret.rotation) } },
        { parent: this },
      );
      values[key] = pulumi.secret(secret.encoding === "hex" ? bytes.hex : bytes.base64.apply(toBase64Url));
    }
    this.values = values;
    this.registerOutputs({});
  }
}

function toBase64Url(base64: string): string {
  return base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
