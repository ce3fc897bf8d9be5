/** The adopted config as a Pulumi stack file, written with the `yaml` library. */
import { Document } from "yaml";

export function renderStackFile(config: Readonly<Record<string, unknown>>, domain: string): string {
  const doc = new Document({ config });
  doc.commentBefore = [
    ` Adopted from ${domain} by npm run adopt: review it before the first pulumi up.`,
    " Secrets are { secret: <key> } references; set each with pulumi config set --secret (the report lists them).",
    " Guardrail overrides under auth0kit:overrides record what the tenant had; keep each only with your own reason.",
  ].join("\n");
  return doc.toString({ lineWidth: 0 });
}
