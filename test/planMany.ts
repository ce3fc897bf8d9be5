/**
 * Runs `npm run plan` (planCommand, the CLI's own function) once per argument list given as JSON
 * in argv[2], in this one process, and prints a JSON array of {status, stdout, stderr}. Test
 * helper: a handful of plans cost one process start instead of one each.
 */
import { planCommand } from "../cli/plan";

async function main(): Promise<void> {
  const runs = JSON.parse(process.argv[2] ?? "[]") as string[][];
  const results: { status: number; stdout: string; stderr: string }[] = [];
  for (const args of runs) {
    let stdout = "";
    let stderr = "";
    const status = await planCommand(args, {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    });
    results.push({ status, stdout, stderr });
  }
  // Exit only once the pipe has taken everything (a plain exit cuts a large write short).
  await new Promise<void>((resolve) => process.stdout.write(JSON.stringify(results), () => resolve()));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(String(error));
    process.exit(1);
  },
);
