import type { z } from "zod";
import { type ConfigIssue, configPath } from "./issues";

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
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}; remove ${issue.keys.length > 1 ? "them" : "it"} or fix the spelling`;
    case "invalid_type":
      return issue.input === undefined
        ? `required; set a ${issue.expected} here`
        : `expected ${article(issue.expected)}, got ${typeName(issue.input)}`;
    case "invalid_value":
      return issue.input === undefined
        ? `required; set one of ${issue.values.map(String).join(", ")}`
        : `"${String(issue.input)}" is not allowed; use one of ${issue.values.map(String).join(", ")}`;
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

/** zod's type names, in the words a stack file uses. */
const TYPE_WORDS: Record<string, string> = { record: "map", object: "map", array: "list" };

function article(type: string): string {
  const word = TYPE_WORDS[type] ?? type;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** What was written instead, never a string's text: a secret pasted in the wrong field must not be echoed. */
function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "string") return "text";
  return `${typeof value} ${JSON.stringify(value)}`;
}
