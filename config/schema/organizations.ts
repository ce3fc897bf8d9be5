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

const brandingSchema = z
  .strictObject({
    logoUrl: absoluteUrl
      .refine((url) => url.startsWith("https://"), { message: "Auth0 accepts only https logo URLs; serve the logo over https" })
      .optional()
      .describe("Logo on the organization's login page; Auth0 accepts https URLs only. Defaults to unset."),
    colors: z
      .strictObject({
        primary: color.describe("Primary colour (buttons, links), #rrggbb."),
        pageBackground: color.describe("Login-page background colour, #rrggbb."),
      })
      .optional()
      .describe("Login-page colours; Auth0 needs primary and pageBackground together. Defaults to unset."),
  })
  .describe("The organization's login-page branding. Defaults to unset (the tenant's).");

const organizationConnectionSchema = z
  .strictObject({
    assignMembershipOnLogin: z
      .boolean()
      .default(false)
      .describe("Make everyone who signs in through this connection a member; false means members are invited. Defaults to false."),
    showAsButton: z
      .boolean()
      .optional()
      .describe("Show the connection as a button on the organization's login prompt (enterprise connections only). Defaults to Auth0's true."),
  })
  .describe("A connection enabled for the organization, keyed by the connection's key (one OrganizationConnections owns the set).");

export const organizationSchema = z
  .strictObject({
    name: z
      .string()
      .optional()
      .describe("Auth0's unique organization name: lowercase letters, digits, - and _, 1 to 50 characters. Defaults to the map key."),
    displayName: boundedText(ORGANIZATION_DISPLAY_NAME_MAX)
      .optional()
      .describe(`Name shown to users, up to ${ORGANIZATION_DISPLAY_NAME_MAX} characters. Defaults to the organization name.`),
    branding: brandingSchema.optional(),
    connections: keyedMap(organizationConnectionSchema)
      .default({})
      .describe(
        "Connections members sign in with, by connection key. Each must also be enabled for every application whose organizations.usage is require. Defaults to none.",
      ),
  })
  .describe("One organization (a B2B customer); protected in prod.");

export const organizationsSchema = keyedMap(organizationSchema)
  .default({})
  .describe("Organizations, one per B2B customer, by key: display name, branding, and the connections members sign in with.");

export type OrganizationConfig = z.output<typeof organizationSchema>;
export type OrganizationConnectionConfig = z.output<typeof organizationConnectionSchema>;
