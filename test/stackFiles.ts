import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..");

const STACK_FILE = /^Pulumi\.[^.]+\.yaml$/;

/** Every stack file in the repository, relative to its root: the root stacks, then the examples'. */
export const STACK_FILES: readonly string[] = [
  ...fs.readdirSync(ROOT).filter((f) => STACK_FILE.test(f)),
  ...fs
    .readdirSync(path.join(ROOT, "examples"))
    .flatMap((dir) => fs.readdirSync(path.join(ROOT, "examples", dir)).filter((f) => STACK_FILE.test(f)).map((f) => path.join("examples", dir, f))),
].sort();

/** `examples/orcheo/Pulumi.prod.yaml` → `prod`. */
export function stackName(file: string): string {
  return path.basename(file).replace(/^Pulumi\./, "").replace(/\.yaml$/, "");
}
