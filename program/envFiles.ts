import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { resolveValue, type ValueSources } from "../components/references";
import { isSecretValue, type TenantSpec } from "../config/spec";
import { renderEnvExample, renderEnvFile } from "../env/render";
import { writeEnvPair } from "../env/write";

export interface EnvFileOutputs {
  readonly kind: string;
  readonly path: string;
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
    const secretNames = new Set<string>();
    for (const line of file.lines) {
      if (!("name" in line)) continue;
      vars[line.name] = resolveValue(spec, line.value, sources);
      if (isSecretValue(line.value)) secretNames.add(line.name);
    }
    const publicVars = Object.fromEntries(Object.entries(vars).filter(([name]) => !secretNames.has(name)));
    const blanks = Object.fromEntries([...secretNames].map((name) => [name, ""]));
    files[file.key] = {
      kind: file.kind,
      path: file.path,
      vars,
      content: pulumi.secret(pulumi.all(vars).apply((values) => renderEnvFile(file.kind, file.lines, values, { stack }))),
      example: pulumi.all(publicVars).apply((values) => renderEnvExample(file.kind, file.lines, { ...values, ...blanks }, secretNames, { stack })),
    };
  }
  return files;
}

/**
 * Writes every env file and its example, relative to `baseDir`, once their values are known.
 * Called by the program on `pulumi up` only: a preview never writes.
 */
export function writeEnvFiles(files: Readonly<Record<string, EnvFileOutputs>>, baseDir: string): void {
  for (const file of Object.values(files)) {
    pulumi.all([file.content, file.example]).apply(([content, example]) => {
      writeEnvPair(path.resolve(baseDir, file.path), content, example);
    });
  }
}
