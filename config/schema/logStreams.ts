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
  /** Display name in the Auth0 Dashboard. Defaults to the key. */
  name: boundedText().optional(),
  /** Event categories to deliver. Defaults to all events (no filter). */
  filters: z.array(z.enum(LOG_EVENT_CATEGORIES)).min(1).optional(),
};

/**
 * Auth0's "Custom Webhook" stream (provider type `http`). The bearer secret it sends in the
 * `Authorization` header is generated (32 random bytes, hex) and shared with the backend env.
 */
const webhookStream = z.strictObject({
  type: z.literal("webhook"),
  ...common,
  /** The payload URL; https (the provider rejects anything else). */
  url: absoluteUrl,
  /** Defaults to application/json. */
  contentType: z.string().min(1).default("application/json"),
  /** Defaults to json-array (one JSON document per request, matching application/json). */
  contentFormat: z.enum(CONTENT_FORMATS).default("json-array"),
  /** Bump to generate a new bearer secret (the generator's keepers). Defaults to 0. */
  rotation: z.number().int().min(0).default(0),
});

/** Auth0's native Datadog stream. */
const datadogStream = z.strictObject({
  type: z.literal("datadog"),
  ...common,
  region: z.enum(["us", "eu", "us3", "us5"]),
  apiKey: secretRef,
});

/** Auth0's native Splunk (HTTP Event Collector) stream. */
const splunkStream = z.strictObject({
  type: z.literal("splunk"),
  ...common,
  /** The Splunk host, e.g. splunk.example.com. */
  domain: z.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, { message: "write the host only, e.g. splunk.example.com" }),
  /** Defaults to 8088, the HTTP Event Collector's port. */
  port: z.number().int().min(1).max(65_535).default(8088),
  /** Verify the TLS certificate. Defaults to true. */
  secure: z.boolean().default(true),
  token: secretRef,
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

export const logStreamsSchema = keyedMap(logStreamSchema).default({});

export type LogStreamConfig = z.output<typeof logStreamSchema>;
export type WebhookStreamConfig = z.output<typeof webhookStream>;
