/** One problem in a stack's configuration, located by its config path. */
export interface ConfigIssue {
  /** e.g. `auth0kit:applications.spa.callbacks[1]` */
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/**
 * Thrown when a stack's configuration is invalid; carries every problem at once. Plain (no Pulumi
 * import), so validation stays pure; the program turns it into a Pulumi RunError.
 */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(formatIssues(issues));
    this.name = "ConfigError";
    this.issues = issues;
  }
}

export function formatIssue(issue: ConfigIssue): string {
  return `${issue.path}: ${issue.message}`;
}

/** One line per problem, sorted by path so the report is stable. */
export function formatIssues(issues: readonly ConfigIssue[]): string {
  return sortIssues(issues).map(formatIssue).join("\n");
}

export function sortIssues(issues: readonly ConfigIssue[]): ConfigIssue[] {
  return [...issues].sort((a, b) => (a.path === b.path ? 0 : a.path < b.path ? -1 : 1));
}

/** Map keys written bare in a config path; any other key is quoted. */
const BARE_KEY = /^[A-Za-z0-9_:-]+$/;

/**
 * Builds a config path such as `auth0kit:apis.core.permissions[2]` from its segments. A key with
 * a space, dot, bracket or any other character outside letters, digits, `_`, `-` and `:` is
 * quoted the way `pulumi config set --path` spells it (`permissions["read things"]`), so that
 * `<path>: <message>` always splits at the first `: `.
 */
export function configPath(root: string, ...segments: readonly (string | number)[]): string {
  let path = root;
  for (const segment of segments) {
    if (typeof segment === "number") path += `[${segment}]`;
    // `: ` inside a quoted key is written `:\u0020`, so the first `: ` of a line always ends the path.
    else path += BARE_KEY.test(segment) ? `.${segment}` : `[${JSON.stringify(segment).replaceAll(": ", ":\\u0020")}]`;
  }
  return path;
}

/** Longest refused value echoed back in a message, in characters. */
const ECHO_MAX = 60;

/**
 * A refused value as a message shows it: quoted, escaped (control characters as `\u0000`), and
 * cut to a readable length, so a message stays one short line whatever was written.
 */
export function echo(text: string): string {
  const cut = text.length > ECHO_MAX ? `${text.slice(0, ECHO_MAX)}…` : text;
  const quoted = JSON.stringify(cut).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return text.length > ECHO_MAX ? `${quoted} (${text.length} characters)` : quoted;
}

/**
 * Whether a text may be a credential pasted in the wrong place, so that it is never echoed: a
 * long run of token characters mixing letters and digits, or a PEM block.
 */
export function mayBeSecret(text: string): boolean {
  if (text.includes("-----BEGIN")) return true;
  return (text.match(/[A-Za-z0-9+=_-]{16,}/g) ?? []).some((run) => /[0-9]/.test(run) && /[A-Za-z]/.test(run));
}
