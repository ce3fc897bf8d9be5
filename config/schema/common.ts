import { z } from "zod";

/** Map keys become Pulumi resource names, so they must be short, stable slugs. */
export const KEY_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

export function keyedMap<T extends z.ZodType>(value: T) {
  return z.record(
    z.string().regex(KEY_PATTERN, {
      message: "keys must be lowercase slugs (a-z, 0-9, -; starting with a letter), because they become resource names",
    }),
    value,
  );
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400 };

/**
 * A lifetime in seconds, written either as a whole number of seconds or as a duration
 * such as `15m`, `24h` or `30d` (the units the runbooks use).
 */
export const duration = z
  .union([z.number(), z.string()], { error: "expected seconds (a whole number) or a duration such as 15m, 24h or 30d" })
  .transform((value, ctx) => {
    if (typeof value === "number") {
      if (Number.isInteger(value) && value > 0) return value;
      ctx.addIssue({ code: "custom", message: `expected a positive whole number of seconds, got ${value}` });
      return z.NEVER;
    }
    const match = /^(\d+)([smhd])$/.exec(value.trim());
    const amount = match ? Number(match[1]) : 0;
    if (!match || amount <= 0) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a duration; write seconds (e.g. 900) or a number with s, m, h or d (e.g. 15m)` });
      return z.NEVER;
    }
    return amount * (UNIT_SECONDS[match[2] as string] as number);
  });

/** Hours, as Auth0's tenant session settings use them; also accepts `72h` or `7d`. */
export const hours = duration.transform((seconds, ctx) => {
  if (typeof seconds === "number" && seconds % 3_600 === 0) return seconds / 3_600;
  ctx.addIssue({ code: "custom", message: "session lifetimes are whole hours; write e.g. 72h or 7d" });
  return z.NEVER;
});

/** Any string that parses as an absolute URL; environment rules (https, localhost) run later. */
export const absoluteUrl = z.string().refine((value) => parseUrl(value) !== undefined, {
  error: (issue) => `"${String(issue.input)}" is not an absolute URL; write it with its scheme, e.g. https://app.example.com/callback`,
});

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
    secret: z.string().regex(SECRET_KEY_PATTERN, { message: "secret keys are camelCase names such as googleClientSecret" }),
  },
  { error: "must reference a secret config key, e.g. { secret: googleClientSecret }, never hold the value itself; store the value with: pulumi config set --secret auth0kit:<key> <value>" },
);

export type SecretRef = z.output<typeof secretRef>;
