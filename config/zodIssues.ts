import type { z } from "zod";
import { type ConfigIssue, configPath, echo, mayBeSecret } from "./issues";
import { closest } from "./suggest";

/** Turns zod's issues into config issues located by their config path. */
export function toConfigIssues(root: string, error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => ({
    path: configPath(root, ...issue.path.map((segment) => (typeof segment === "number" ? segment : String(segment)))),
    message: issue.message,
  }));
}

/**
 * The error map passed to every parse: messages that say how to fix the value. A schema's own
 * `error` wins over it (zod's precedence), which is how secret fields avoid echoing their input.
 */
export const describeIssue: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "unrecognized_keys":
      return unknownKeys(issue.keys, knownKeys(issue.inst));
    case "invalid_type":
      return issue.input === undefined
        ? `required; set ${expected(issue.expected)} here`
        : `expected ${expected(issue.expected)}, got ${written(issue.input)}`;
    case "invalid_value": {
      const allowed = issue.values.map(String);
      if (issue.input === undefined) return `required; set one of ${allowed.join(", ")}`;
      const text = typeof issue.input === "string" ? issue.input : undefined;
      const match = text === undefined ? undefined : closest(text, allowed);
      return match === undefined
        ? `${text === undefined ? written(issue.input) : echo(text)} is not allowed; use one of ${allowed.join(", ")}`
        : `${echo(text!)} is not allowed; did you mean "${match}"? (one of ${allowed.join(", ")})`;
    }
    case "invalid_key":
      // The key's own schema says what is wrong with it.
      return issue.issues[0]?.message;
    case "too_small":
      return issue.origin === "array" || issue.origin === "set"
        ? `needs at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? "" : "s"}`
        : issue.origin === "string"
          ? issue.minimum === 1 ? "may not be empty" : `must be at least ${String(issue.minimum)} characters`
          : `must be at least ${String(issue.minimum)}`;
    case "too_big":
      return issue.origin === "string"
        ? `must be at most ${String(issue.maximum)} characters`
        : `must be at most ${String(issue.maximum)}`;
    default:
      return undefined;
  }
};

/** zod's type names, as what to write in a stack file. */
const EXPECTED: Record<string, string> = {
  boolean: "true or false",
  number: "a number",
  int: "a whole number",
  string: "text",
  array: "a list",
  record: "a map",
  object: "a map",
};

function expected(type: string): string {
  return EXPECTED[type] ?? (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
}

/** What was written instead; a text that may be a pasted secret is never echoed. */
export function written(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "string") return mayBeSecret(value) ? "text (not shown: it may be a secret)" : `the text ${echo(value)}`;
  if (typeof value === "number") return `the number ${value}`;
  return String(value);
}

/** The keys an object schema knows, for "did you mean". */
function knownKeys(inst: unknown): string[] {
  const shape = (inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/** One clause per unknown key, with the closest known key when one is close enough to be a typo. */
export function unknownKeys(keys: readonly string[], known: readonly string[]): string {
  const clauses = keys.map((key) => {
    const match = closest(key, known);
    return { text: match === undefined ? echo(key) : `${echo(key)} (did you mean "${match}"?)`, match };
  });
  if (clauses.length === 1 && clauses[0]!.match !== undefined) return `unknown key ${echo(keys[0]!)}; did you mean "${clauses[0]!.match}"?`;
  const list = clauses.some((clause) => clause.match === undefined) && known.length > 0 ? ` (known keys: ${known.join(", ")})` : "";
  const many = keys.length > 1;
  return `unknown key${many ? "s" : ""} ${clauses.map((clause) => clause.text).join(", ")}; remove ${many ? "them" : "it"} or fix the spelling${list}`;
}
