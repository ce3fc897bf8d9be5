import { z } from "zod";
import { connectionsSchema } from "./connections";
import { organizationsSchema } from "./organizations";

/**
 * A project-relative path without `..`: a `.yaml`/`.yml` file, or a directory whose `.yaml`/`.yml`
 * files are all read (not its subdirectories).
 */
export const ORGANIZATION_FILE_PATTERN = /^(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*\/?$/;

/**
 * `auth0kit:organizationFiles`: where a large B2B tenant keeps its customers, outside the stack
 * configuration the engine hands the program in one environment variable (docs/scale.md).
 */
export const organizationFilesSchema = z
  .array(
    z.string().regex(ORGANIZATION_FILE_PATTERN, {
      message: "must be a .yaml file or a directory relative to the project root, without .., e.g. customers/ or customers/acme.yaml",
    }),
  )
  .default([]);

/** One organization file: the same maps, with the same schemas, as the stack file's keys. */
export const organizationFileSchema = z.strictObject({
  /** As `auth0kit:organizations`. */
  organizations: organizationsSchema,
  /** As `auth0kit:connections`: typically each customer's enterprise connection. */
  connections: connectionsSchema,
});

export type OrganizationFile = z.output<typeof organizationFileSchema>;
