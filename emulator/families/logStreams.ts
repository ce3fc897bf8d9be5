/**
 * Log streams: /log-streams. Auth0 answers the create with 200 (not 201), numbers streams
 * `lst_<sequence>`, starts them `active`, masks passwords it will not return, and names the
 * partner event source or topic it creates for AWS and Azure streams.
 */
import { invalidBody, notFound } from "../errors";
import { logStreamId, uuid } from "../ids";
import { isObject, noContent, objectBody, ok, patch, requireString, type RequestContext } from "../routes";
import type { Doc } from "../store";
import type { Family } from "./family";

const STREAMS = "log-streams";
const TYPES = ["http", "eventbridge", "eventgrid", "datadog", "splunk", "sumo", "mixpanel", "segment"];
/** Sink fields Auth0 stores but answers masked. */
const MASKED = ["mixpanelServiceAccountPassword"];

function mustFind(ctx: RequestContext): Doc {
  const stream = ctx.store.get(STREAMS, ctx.params.id!);
  if (stream === undefined) throw notFound("The log stream does not exist", "inexistent_log_stream");
  return stream;
}

function present(stream: Doc): Doc {
  if (!isObject(stream.sink)) return stream;
  const sink = { ...stream.sink };
  for (const field of MASKED) if (field in sink) sink[field] = "********";
  return { ...stream, sink };
}

function tenantName(ctx: RequestContext): string {
  return ctx.tenant.domain.split(".")[0]!.split(":")[0]!;
}

function create(ctx: RequestContext) {
  const body = objectBody(ctx);
  requireString(body, "name");
  const type = requireString(body, "type");
  if (!TYPES.includes(type)) throw invalidBody(`Payload validation error: 'No enum match for: "${type}"' on property type.`);
  const sink: Doc = isObject(body.sink) ? { ...body.sink } : {};
  if (type === "eventbridge") sink.awsPartnerEventSource = `aws.partner/auth0.com/${tenantName(ctx)}-${uuid()}/auth0.logs`;
  if (type === "eventgrid") sink.azurePartnerTopic = `azure.partner/auth0.com/${tenantName(ctx)}-${String(sink.azureSubscriptionId)}/auth0.logs`;
  const id = logStreamId(ctx.store.list(STREAMS).length + 1);
  const doc: Doc = { id, name: body.name!, type, status: "active", ...body, sink };
  if ((type === "http" || type === "datadog") && doc.isPriority === undefined) doc.isPriority = false;
  if (isObject(body.pii_config)) doc.pii_config = { method: "hash", algorithm: "xxhash", ...body.pii_config };
  return ok(present(ctx.store.put(STREAMS, id, doc)));
}

function update(ctx: RequestContext) {
  const current = mustFind(ctx);
  const body = objectBody(ctx);
  if ("type" in body) throw invalidBody("Payload validation error: 'Additional properties not allowed: type'.");
  const next = patch(current, body, ["sink"]);
  // An update that leaves pii_config out turns it off (TestAccLogStreamDatadog #8).
  if (body.pii_config === undefined) delete next.pii_config;
  // An empty filter list is no filter: Auth0 drops it.
  if (Array.isArray(next.filters) && next.filters.length === 0) delete next.filters;
  if (isObject(body.pii_config)) next.pii_config = { method: "hash", algorithm: "xxhash", ...body.pii_config };
  return ok(present(ctx.store.put(STREAMS, current.id as string, next)));
}

export const logStreams: Family = {
  routes(r) {
    r.on("GET", "/log-streams", (ctx) => ok(ctx.store.list(STREAMS).map(present)));
    r.on("POST", "/log-streams", create);
    r.on("GET", "/log-streams/:id", (ctx) => ok(present(mustFind(ctx))));
    r.on("PATCH", "/log-streams/:id", update);
    r.on("DELETE", "/log-streams/:id", (ctx) => {
      ctx.store.delete(STREAMS, mustFind(ctx).id as string);
      return noContent;
    });
  },
};
