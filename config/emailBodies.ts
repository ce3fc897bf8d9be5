import type { SourceReader } from "./actionSources";
import { type ConfigIssue, configPath } from "./issues";
import type { EmailConfig } from "./schema/email";

/**
 * The body of every customized email template by template name, read from the project (the text
 * Auth0 stores is exactly the file's); a missing file is an issue at the template's `body`.
 */
export function readEmailBodies(root: string, email: EmailConfig | undefined, read: SourceReader): { bodies: Record<string, string>; issues: ConfigIssue[] } {
  const bodies: Record<string, string> = {};
  const issues: ConfigIssue[] = [];
  for (const [name, template] of Object.entries(email?.templates ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (template === undefined) continue;
    const body = read(template.body);
    if (body === undefined) {
      issues.push({ path: configPath(root, "templates", name, "body"), message: `${template.body} does not exist; create it or fix the path (relative to the project root)` });
    } else if (body.trim() === "") {
      issues.push({ path: configPath(root, "templates", name, "body"), message: `${template.body} is empty; Auth0 would send a blank email` });
    } else {
      bodies[name] = body;
    }
  }
  return { bodies, issues };
}
