/**
 * What the dotenv layer knows of a file: who reads it and its lines. The stack file's schema
 * (config/) builds on these; nothing here knows about stacks.
 */

/** Who reads a file: a frontend file goes through Vite, which expands `$NAME`. */
export const ENV_FILE_KINDS = ["backend", "frontend", "cli"] as const;
export type EnvFileKind = (typeof ENV_FILE_KINDS)[number];

/** One line of a file: a comment, or a variable by name (values are passed beside the lines). */
export type EnvLine = { readonly comment: string } | { readonly name: string };

/** How a secret value is shown wherever values are printed: plans, reports, masked files. */
export const SECRET_MASK = "[secret]";
