import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { resolveValue, type ValueSources } from "../components/references";
import { type EnvFileSpec, isSecretValue, type TenantSpec } from "../config/spec";
import { renderEnvExample, renderEnvFile, renderEnvMasked } from "../env/render";
import { writeEnvPairInside } from "../env/write";

export interface EnvFileOutputs {
  readonly kind: string;
  readonly path: string;
  /** The directory the file must stay inside (`auth0kit:workspaceRoot`), relative to the project directory. */
  readonly workspaceRoot: string;
  /** Each variable's value; secret values are secret outputs. */
  readonly vars: Record<string, pulumi.Output<string>>;
  /** The whole file, a secret output (it may hold secrets). */
  readonly content: pulumi.Output<string>;
  /** The file with every secret left blank, for documentation. */
  readonly example: pulumi.Output<string>;
}

/** Resolves every variable of every env file to the tenant's outputs and renders the files. */
export function envFileOutputs(spec: TenantSpec, stack: string, sources: ValueSources): Record<string, EnvFileOutputs> {
  const files: Record<string, EnvFileOutputs> = {};
  for (const file of Object.values(spec.envFiles)) {
    const vars: Record<string, pulumi.Output<string>> = {};
    for (const line of file.lines) {
      if ("name" in line) vars[line.name] = resolveValue(spec, line.value, sources);
    }
    const secretNames = secretNamesOf(file);
    files[file.key] = {
      kind: file.kind,
      path: file.path,
      workspaceRoot: spec.workspaceRoot,
      vars,
      content: pulumi.secret(pulumi.all(vars).apply((values) => renderEnvFile(file.kind, file.lines, values, { stack }))),
      example: publicValues(vars, secretNames).apply((values) => renderEnvExample(file.kind, file.lines, values, secretNames, { stack })),
    };
  }
  return files;
}

/**
 * Each file as a plan shows it, every secret as `[secret]`: rendered from the public values only,
 * so no secret is ever unwrapped for it.
 */
export function maskedEnvFiles(spec: TenantSpec, stack: string, files: Readonly<Record<string, EnvFileOutputs>>): Record<string, pulumi.Output<string>> {
  return Object.fromEntries(
    Object.values(spec.envFiles).map((file) => {
      const secretNames = secretNamesOf(file);
      return [file.key, publicValues(files[file.key]!.vars, secretNames).apply((values) => renderEnvMasked(file.kind, file.lines, values, secretNames, { stack }))];
    }),
  );
}

function secretNamesOf(file: EnvFileSpec): Set<string> {
  return new Set(file.lines.flatMap((line) => ("name" in line && isSecretValue(line.value) ? [line.name] : [])));
}

/** The non-secret values, with the secret ones blank. */
function publicValues(vars: Readonly<Record<string, pulumi.Output<string>>>, secretNames: ReadonlySet<string>): pulumi.Output<Record<string, string>> {
  const publicVars = Object.fromEntries(Object.entries(vars).filter(([name]) => !secretNames.has(name)));
  const blanks = Object.fromEntries([...secretNames].map((name) => [name, ""]));
  return pulumi.all(publicVars).apply((values) => ({ ...values, ...blanks }));
}

/**
 * Writes every env file and its example, relative to `baseDir` (the project directory), once their
 * values are known, never through a symlink that leads out of the workspace root. Called by the
 * program on `pulumi up` only: a preview never writes.
 */
export function writeEnvFiles(files: Readonly<Record<string, EnvFileOutputs>>, baseDir: string): void {
  for (const file of Object.values(files)) {
    pulumi.all([file.content, file.example]).apply(([content, example]) => {
      writeEnvPairInside(path.resolve(baseDir, file.workspaceRoot), path.resolve(baseDir, file.path), content, example);
    });
  }
}
