import { z } from "zod";
import { absoluteUrl, keyedMap, secretRef, boundedText } from "./common";

/** Auth0's log event categories, the values a stream's filter may name (provider `filters`). */
export const LOG_EVENT_CATEGORIES = [
  "auth.ancillary.fail",
  "auth.ancillary.success",
  "auth.login.fail",
  "auth.login.notification",
  "auth.login.success",
  "auth.logout.fail",
  "auth.logout.success",
  "auth.signup.fail",
  "auth.signup.success",
  "auth.silent_auth.fail",
  "auth.silent_auth.success",
  "auth.token_exchange.fail",
  "auth.token_exchange.success",
  "management.fail",
  "management.success",
  "system.notification",
  "user.fail",
  "user.notification",
  "user.success",
  "other",
] as const;

export const LOG_STREAM_TYPES = ["webhook", "datadog", "splunk"] as const;
export type LogStreamType = (typeof LOG_STREAM_TYPES)[number];

/** The webhook body formats (provider `httpContentFormat`: JSONLINES, JSONARRAY, JSONOBJECT). */
export const CONTENT_FORMATS = ["json-lines", "json-array", "json-object"] as const;

const common = {
  name: boundedText().optional().describe("The stream's name in the Auth0 Dashboard. Defaults to the map key."),
  filters: z
    .array(z.enum(LOG_EVENT_CATEGORIES))
    .min(1)
    .optional()
    .describe("Auth0 log event categories to deliver (auth.login.fail, user.success, management.fail, …). Defaults to all events."),
};

/**
 * Auth0's "Custom Webhook" stream (provider type `http`). The bearer secret it sends in the
 * `Authorization` header is generated (32 random bytes, hex) and shared with the backend env.
 */
const webhookStream = z.strictObject({
  type: z
    .literal("webhook")
    .describe(
      "webhook: Auth0's Custom Webhook, sending Authorization: Bearer <secret> with a secret Pulumi generates (32 random bytes, hex), a secret stack output for the receiving backend.",
    ),
  ...common,
  url: absoluteUrl.describe("The payload URL: https in every environment (Auth0 streams only to https), and not loopback in stage or prod."),
  contentType: z.string().min(1).default("application/json").describe("The Content-Type header. Defaults to application/json."),
  contentFormat: z
    .enum(CONTENT_FORMATS)
    .default("json-array")
    .describe("How events are batched: json-lines, json-array or json-object. Defaults to json-array (one JSON document per request)."),
  rotation: z.number().int().min(0).default(0).describe("Bump it (0, 1, 2, …) to generate a new bearer secret. Defaults to 0."),
});

const datadogStream = z.strictObject({
  type: z.literal("datadog").describe("datadog: Auth0's native Datadog stream."),
  ...common,
  region: z.enum(["us", "eu", "us3", "us5"]).describe("The Datadog site: us, eu, us3 or us5."),
  apiKey: secretRef.describe("The Datadog API key, as { secret: <key> }."),
});

const splunkStream = z.strictObject({
  type: z.literal("splunk").describe("splunk: Auth0's native Splunk stream (HTTP Event Collector)."),
  ...common,
  domain: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, { message: "write the host only, e.g. splunk.example.com" })
    .describe("The Splunk host, e.g. splunk.example.com."),
  port: z.number().int().min(1).max(65_535).default(8088).describe("The HTTP Event Collector's port. Defaults to 8088."),
  secure: z.boolean().default(true).describe("Verify Splunk's TLS certificate; false is refused in stage and prod. Defaults to true."),
  token: secretRef.describe("The HTTP Event Collector token, as { secret: <key> }."),
});

export const logStreamSchema = z.discriminatedUnion("type", [webhookStream, datadogStream, splunkStream], {
  error: (issue) => {
    if (issue.code !== "invalid_union") return undefined;
    const type = typeof issue.input === "object" && issue.input !== null ? (issue.input as { type?: unknown }).type : undefined;
    return type === undefined
      ? `required; set one of ${LOG_STREAM_TYPES.join(", ")}`
      : `"${String(type)}" is not allowed; use one of ${LOG_STREAM_TYPES.join(", ")}`;
  },
});

export const logStreamsSchema = keyedMap(logStreamSchema)
  .default({})
  .describe("Log streams that deliver the tenant's logs (logins, admin changes) outside Auth0, by key; stage and prod need at least one.");

export type LogStreamConfig = z.output<typeof logStreamSchema>;
export type WebhookStreamConfig = z.output<typeof webhookStream>;
