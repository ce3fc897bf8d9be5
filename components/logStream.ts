import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { LogStreamType } from "../config/schema/logStreams";
import type { LogStreamSpec } from "../config/spec";
import type { SecretValues } from "./secrets";
import { sortedUnique } from "./sorted";

export interface LogStreamArgs {
  readonly stream: LogStreamSpec;
  /** Secret config values; a Datadog or Splunk stream's key is among them (validated). */
  readonly secrets: SecretValues;
}

/** Bytes of the generated webhook secret: 32, as `openssl rand -hex 32` in the runbook. */
export const BEARER_SECRET_BYTES = 32;

const CONTENT_FORMATS = { "json-lines": "JSONLINES", "json-array": "JSONARRAY", "json-object": "JSONOBJECT" } as const;

/**
 * One Auth0 log stream. A webhook stream authenticates to its receiver with a generated bearer
 * secret, which stays a secret output end to end and is rotated by bumping `rotation`.
 */
export class LogStream extends pulumi.ComponentResource {
  readonly type: LogStreamType;
  readonly stream: auth0.LogStream;
  /** The generator of the webhook's bearer secret; webhook streams only. */
  readonly generator?: random.RandomBytes;
  /** The webhook's bearer secret (hex), for the receiver's env; set on webhook streams only. */
  readonly bearerSecret?: pulumi.Output<string>;

  constructor(name: string, args: LogStreamArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:logStream:LogStream", name, {}, opts);
    const { stream, secrets } = args;
    this.type = stream.type;
    let type: string;
    let sink: auth0.types.input.LogStreamSink;
    switch (stream.type) {
      case "webhook": {
        const generated = new random.RandomBytes(
          `${name}-secret`,
          { length: BEARER_SECRET_BYTES, keepers: { rotation: String(stream.rotation) } },
          { parent: this },
        );
        this.generator = generated;
        this.bearerSecret = pulumi.secret(generated.hex);
        type = "http";
        sink = {
          httpEndpoint: stream.url,
          httpAuthorization: pulumi.secret(pulumi.interpolate`Bearer ${generated.hex}`),
          httpContentType: stream.contentType,
          httpContentFormat: CONTENT_FORMATS[stream.contentFormat],
        };
        break;
      }
      case "datadog":
        type = "datadog";
        sink = { datadogRegion: stream.region, datadogApiKey: pulumi.secret(secrets[stream.apiKey.secret]!) };
        break;
      case "splunk":
        type = "splunk";
        sink = {
          splunkDomain: stream.domain,
          // The provider types the port as a string.
          splunkPort: String(stream.port),
          splunkSecure: stream.secure,
          splunkToken: pulumi.secret(secrets[stream.token.secret]!),
        };
        break;
    }
    this.stream = new auth0.LogStream(
      `${name}-stream`,
      {
        name: stream.name,
        type,
        sink,
        // No filter delivers every event.
        filters: stream.filters && sortedUnique(stream.filters).map((category) => ({ type: "category", name: category })),
      },
      { parent: this },
    );
    this.registerOutputs({ bearerSecret: this.bearerSecret });
  }
}
