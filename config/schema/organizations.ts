import { z } from "zod";
import { ORGANIZATION_DISPLAY_NAME_MAX } from "../bounds";
import { absoluteUrl, keyedMap, boundedText } from "./common";

/**
 * Auth0's rule for organization names ("Create Organizations"): lowercase letters, digits, `_`
 * and `-`, 1 to 50 characters, may start with a digit.
 */
export const ORGANIZATION_NAME_PATTERN = /^[a-z0-9_-]{1,50}$/;

const color = z
  .string({ error: (issue) => (issue.input === undefined ? "Auth0 needs primary and pageBackground together; set both as #rrggbb" : undefined) })
  .regex(/^#[0-9a-fA-F]{6}$/, { message: "colours are #rrggbb, e.g. #0059d6" });

const brandingSchema = z.strictObject({
  /** Logo shown on the organization's login page; Auth0 accepts https URLs only. */
  logoUrl: absoluteUrl
    .refine((url) => url.startsWith("https://"), { message: "Auth0 accepts only https logo URLs; serve the logo over https" })
    .optional(),
  /** Login-page colours; Auth0 needs both together. */
  colors: z
    .strictObject({
      primary: color,
      pageBackground: color,
    })
    .optional(),
});

const organizationConnectionSchema = z.strictObject({
  /** Make every user who signs in through this connection a member. Defaults to false (members are invited). */
  assignMembershipOnLogin: z.boolean().default(false),
  /** Show the connection as a button on the organization's login prompt (enterprise connections only). Defaults to true. */
  showAsButton: z.boolean().optional(),
});

export const organizationSchema = z.strictObject({
  /** Auth0's unique organization name (lowercase letters, digits, `-`, `_`; 1–50). Defaults to the map key. */
  name: z.string().optional(),
  /** Name shown to users. Defaults to the organization name. */
  displayName: boundedText(ORGANIZATION_DISPLAY_NAME_MAX).optional(),
  branding: brandingSchema.optional(),
  /** Connections members sign in with, by connection key. */
  connections: keyedMap(organizationConnectionSchema).default({}),
});

export const organizationsSchema = keyedMap(organizationSchema).default({});

export type OrganizationConfig = z.output<typeof organizationSchema>;
export type OrganizationConnectionConfig = z.output<typeof organizationConnectionSchema>;
