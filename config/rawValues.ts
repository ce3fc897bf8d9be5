import { STRING_MAX } from "./bounds";
import { type ConfigIssue, configPath, echo } from "./issues";

/**
 * Keys the JavaScript runtime treats specially: a map entry keyed `__proto__` is dropped by the
 * schema library before any key check runs, and `constructor` / `prototype` collide with
 * properties every object inherits. They are refused wherever a map appears.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** C0 control characters (tab and line breaks included) and DEL. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** The same, less tab, line feed and carriage return: what multi-line text may not hold. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * The only fields whose text may span lines: a SAML signing certificate (PEM), an env variable's
 * literal (the renderer quotes it for its file kind) and an Action secret's value (a PEM key).
 * A line break anywhere else would reach Auth0 inside a name or a URL, or start a new line in an
 * env file (a comment).
 */
function isMultiLine(root: string, segments: readonly (string | number)[]): boolean {
  const last = segments[segments.length - 1];
  if (last === "signingCert") return true;
  if (root === "auth0kit:envFiles") return segments.length === 4 && segments[1] === "vars" && last !== "comment";
  return root === "auth0kit:actions" && segments.length === 4 && segments[1] === "secrets" && last === "value";
}

/** `U+0000`, as messages name a character. */
export function codePoint(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Where a text holds a control character, said without echoing the text (it may be a secret). */
export function controlCharacterIn(text: string, multiLine = false): string | undefined {
  const match = (multiLine ? CONTROL_IN_TEXT : CONTROL).exec(text);
  return match ? `contains the control character ${codePoint(match[0])} at position ${match.index + 1}; remove it` : undefined;
}

/**
 * Checks a parsed config value before its schema sees it, at every depth: no forbidden key, no
 * control character in a key or a text, no text longer than any field could need. These are the
 * root causes of whatever else the schema would say about the same place, so the loader drops
 * the schema's issues at and below each path reported here.
 */
export function checkRawValue(root: string, value: unknown, segments: (string | number)[] = []): ConfigIssue[] {
  const path = configPath(root, ...segments);
  if (typeof value === "string") {
    if (value.length > STRING_MAX) {
      return [{ path, message: `is ${value.length} characters long; no value in a stack file may be longer than ${STRING_MAX} characters` }];
    }
    const control = controlCharacterIn(value, isMultiLine(root, segments));
    return control ? [{ path, message: control }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => checkRawValue(root, item, [...segments, index]));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const at = configPath(root, ...segments, key);
    if (FORBIDDEN_KEYS.has(key)) {
      return [{ path: at, message: `${echo(key)} cannot be a key (JavaScript gives it a special meaning, so the entry would be lost); rename it` }];
    }
    if (key.length > STRING_MAX) return [{ path: configPath(root, ...segments), message: `has a key of ${key.length} characters; shorten it` }];
    const control = controlCharacterIn(key);
    if (control) return [{ path: at, message: `the key ${control}` }];
    return checkRawValue(root, item, [...segments, key]);
  });
}

/** Whether `path` is `root` or lies inside it (`root.x`, `root[0]`, `root["x"]`). */
export function isWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}.`) || path.startsWith(`${root}[`);
}

/** The issues that are not consequences of a root cause at or above their path. */
export function withoutFollowOns(rootCauses: readonly ConfigIssue[], issues: readonly ConfigIssue[]): ConfigIssue[] {
  return issues.filter((issue) => !rootCauses.some((cause) => isWithin(issue.path, cause.path)));
}
