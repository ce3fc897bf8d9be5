import { type ConfigIssue, configPath } from "./issues";

interface LocatedRef {
  readonly path: string;
  readonly key: string;
}

/** Every `{ secret: <key> }` reference inside the parsed `auth0kit:` values, with its path. */
export function collectSecretRefs(root: string, value: unknown, segments: (string | number)[] = []): LocatedRef[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => collectSecretRefs(root, item, [...segments, index]));
  if (typeof value !== "object" || value === null) return [];
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]![0] === "secret" && typeof entries[0]![1] === "string") {
    return [{ path: configPath(root, ...segments), key: entries[0]![1] }];
  }
  return entries.flatMap(([key, item]) => collectSecretRefs(root, item, [...segments, key]));
}

/**
 * A reference must name a key that is set, and set as a secret; a secret key that nothing
 * references is a leftover (or a typo of the one that is referenced).
 */
export function checkSecretRefs(
  namespace: string,
  refs: readonly LocatedRef[],
  values: Readonly<Record<string, string>>,
  secretKeys: ReadonlySet<string>,
  schemaKeys: readonly string[],
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const ref of refs) {
    const fullKey = `${namespace}:${ref.key}`;
    if (schemaKeys.includes(ref.key)) {
      issues.push({ path: ref.path, message: `${fullKey} is a settings key, not a secret; pick another name for the secret` });
    } else if (values[fullKey] === undefined) {
      issues.push({ path: ref.path, message: `${fullKey} is not set; set it with: pulumi config set --secret ${fullKey} <value>` });
    } else if (!secretKeys.has(fullKey)) {
      issues.push({ path: fullKey, message: `is stored in plain text; remove it from the stack file and set it with: pulumi config set --secret ${fullKey} <value>` });
    }
  }
  const referenced = new Set(refs.map((ref) => `${namespace}:${ref.key}`));
  for (const fullKey of [...secretKeys].sort()) {
    if (fullKey.startsWith(`${namespace}:`) && !schemaKeys.includes(fullKey.slice(namespace.length + 1)) && !referenced.has(fullKey)) {
      issues.push({ path: fullKey, message: "is a secret that nothing references; reference it with { secret: <key> } or remove it" });
    }
  }
  return issues;
}
