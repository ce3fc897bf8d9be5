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

/** Builds a config path such as `auth0kit:apis.core.permissions[2]` from its segments. */
export function configPath(root: string, ...segments: readonly (string | number)[]): string {
  let path = root;
  for (const segment of segments) {
    path += typeof segment === "number" ? `[${segment}]` : `.${segment}`;
  }
  return path;
}
