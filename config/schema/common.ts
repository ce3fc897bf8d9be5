import { z } from "zod";
import { writtenAs } from "./writtenForms";
import { configPath, echo } from "../issues";
import { FORBIDDEN_KEYS } from "../rawValues";

/** Map keys become Pulumi resource names, so they must be short, stable slugs. */
export const KEY_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

export function keyedMap<T extends z.ZodType>(value: T) {
  return z.record(
    z
      .string()
      .regex(KEY_PATTERN, {
        message: "keys must be lowercase slugs (a-z, 0-9, -; starting with a letter), because they become resource names",
      })
      // The loader refuses these before any schema runs (config/rawValues.ts); this keeps a
      // schema used on its own from accepting them.
      .refine((key) => !FORBIDDEN_KEYS.has(key), { message: "cannot be a key (JavaScript gives it a special meaning, so the entry would be lost); rename it" }),
    value,
  );
}

/** A refinement (spread into `.refine(...)`): at most `max` characters, Auth0's bound for the field (config/bounds.ts). */
export function atMost(max: number) {
  return [
    (text: string) => text.length <= max,
    { error: (issue: { input: unknown }) => `is ${String(issue.input).length} characters long; Auth0 accepts at most ${max}; shorten it` },
  ] as const;
}

/**
 * A text that reaches Auth0: not empty, and at most `max` characters when Auth0 documents a bound
 * for the field. Control characters, line breaks and oversized values are refused for every
 * field before any schema runs (config/rawValues.ts).
 */
export function boundedText(max?: number) {
  const line = z.string().min(1);
  return max === undefined ? line : line.refine(...atMost(max));
}

/** A display name Auth0 shows in the Dashboard (its client and API names refuse `<` and `>`). */
export function displayName(max?: number) {
  return boundedText(max).refine((text) => !/[<>]/.test(text), { message: "may not contain < or >" });
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400 };

/** `15m` → 900; undefined when the text is not a positive duration. */
function durationSeconds(text: string): number | undefined {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  if (!match || Number(match[1]) <= 0) return undefined;
  return Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
}

/**
 * A lifetime in seconds, written either as a whole number of seconds or as a duration
 * such as `15m`, `24h` or `30d` (the units the runbooks use).
 */
export const duration = writtenAs(
  z.union([z.number(), z.string()], { error: "expected seconds (a whole number) or a duration such as 15m, 24h or 30d" })
    .transform((value, ctx) => {
      if (typeof value === "number") {
        if (Number.isInteger(value) && value > 0) return value;
        ctx.addIssue({ code: "custom", message: `expected a positive whole number of seconds, got ${value}` });
        return z.NEVER;
      }
      const seconds = durationSeconds(value);
      if (seconds !== undefined) return seconds;
      ctx.addIssue({ code: "custom", message: `${echo(value)} is not a duration; write seconds (e.g. 900) or a number with s, m, h or d (e.g. 15m)` });
      return z.NEVER;
    }),
  z.union([z.int().min(1), z.string().regex(/^\s*0*[1-9][0-9]*[smhd]\s*$/)]).meta({ title: "duration" }),
);

/**
 * Seconds in the unit of `like`, a duration as the stack file wrote it (`48h` → hours), when that
 * unit divides them exactly; otherwise as formatDuration writes them. Messages speak in the
 * units the file used: a file that says 48h and 24h is not told about 2d and 1d.
 */
export function formatDurationLike(seconds: number, like: string | undefined): string {
  const unit = like === undefined ? undefined : /^\s*\d+([smhd])\s*$/.exec(like)?.[1];
  const size = unit === undefined ? undefined : UNIT_SECONDS[unit];
  return size !== undefined && seconds % size === 0 ? `${seconds / size}${unit}` : formatDuration(seconds);
}

/** Every duration written as text (`48h`) in a parsed config value, by config path, for formatDurationLike. */
export function writtenDurations(root: string, value: unknown, segments: (string | number)[] = [], found: Record<string, string> = {}): Record<string, string> {
  if (typeof value === "string" && durationSeconds(value) !== undefined) found[configPath(root, ...segments)] = value;
  else if (Array.isArray(value)) value.forEach((item, index) => writtenDurations(root, item, [...segments, index], found));
  else if (typeof value === "object" && value !== null) for (const [key, item] of Object.entries(value)) writtenDurations(root, item, [...segments, key], found);
  return found;
}

/** Seconds in the largest unit that divides them exactly, as a stack file would write them: `31d`, `4h`, `90s`. */
export function formatDuration(seconds: number): string {
  for (const [unit, size] of [["d", 86_400], ["h", 3_600], ["m", 60]] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** Whole hours, as Auth0's tenant session settings use them: a plain number, or e.g. `72h` or `7d`. */
export const hours = writtenAs(
  z.union([z.number(), z.string()], { error: "expected whole hours (e.g. 72) or a duration such as 72h or 7d" })
    .transform((value, ctx) => {
      const seconds = typeof value === "number" ? value * 3_600 : durationSeconds(value);
      if (seconds === undefined) {
        ctx.addIssue({ code: "custom", message: `${echo(String(value))} is not a duration; write whole hours (e.g. 72) or a number with h or d (e.g. 72h, 7d)` });
        return z.NEVER;
      }
      if (Number.isInteger(seconds / 3_600) && seconds > 0) return seconds / 3_600;
      ctx.addIssue({ code: "custom", message: "session lifetimes are whole hours; write e.g. 72, 72h or 7d" });
      return z.NEVER;
    }),
  z.union([z.int().min(1), z.string().regex(/^\s*0*[1-9][0-9]*[smhd]\s*$/)]).meta({ title: "hours" }),
);

/**
 * A string that parses as an absolute URL with a scheme followed by `/` (`https://…`, or a native
 * app's private-use scheme such as `com.example.app:/callback`); environment rules run later.
 * Requiring the slash rejects `localhost:3000/cb`, which URL parsing reads as scheme `localhost:`.
 */
export const absoluteUrl = writtenAs(
  z.string().refine((value) => /^[a-z][a-z0-9+.-]*:\//i.test(value) && !/\s/.test(value) && parseUrl(value) !== undefined, {
    error: (issue) => `${echo(String(issue.input))} is not an absolute URL; write it with its scheme, e.g. https://app.example.com/callback`,
  }),
  z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\//).meta({ title: "URL" }),
);

export function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Secret config keys are camelCase names under `auth0kit:`, e.g. `googleClientSecret`. */
export const SECRET_KEY_PATTERN = /^[a-z][A-Za-z0-9]*$/;

/**
 * A reference to a secret config value, `{ secret: <key> }`, read from `auth0kit:<key>` which
 * must be set with `pulumi config set --secret`. Its messages never echo what was written,
 * because a mistake here is usually the secret itself pasted in.
 */
export const secretRef = z.strictObject(
  {
    secret: z
      .string()
      .regex(SECRET_KEY_PATTERN, { message: "secret keys are camelCase names such as googleClientSecret" })
      .describe("The secret config key, without its auth0kit: namespace, e.g. googleClientSecret."),
  },
  { error: "must reference a secret config key, e.g. { secret: googleClientSecret }, never hold the value itself; store the value with: pulumi config set --secret auth0kit:<key> <value>" },
).meta({
  title: "secret reference",
  description: "{ secret: <key> }: the value of the secret config key auth0kit:<key>, set with pulumi config set --secret auth0kit:<key> <value>.",
});

export type SecretRef = z.output<typeof secretRef>;
