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
  .default([])
  .describe(
    "YAML files or directories (relative to the project root, no ..; a directory means every .yaml/.yml file in it) holding more organizations: and connections:, read by the program itself rather than through the stack configuration, which reaches the program in one environment variable capped at 128 KiB (about 290 inline customers). Defaults to none (docs/scale.md).",
  );

/** One organization file: the same maps, with the same schemas, as the stack file's keys. */
export const organizationFileSchema = z.strictObject({
  organizations: organizationsSchema.describe("As auth0kit:organizations."),
  connections: connectionsSchema.describe("As auth0kit:connections: typically each customer's enterprise connection."),
}).describe("One organization file: the same maps, with the same schemas, as the stack file's keys.");

export type OrganizationFile = z.output<typeof organizationFileSchema>;
