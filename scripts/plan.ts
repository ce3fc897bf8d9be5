/** npm run plan -- --stack <name> [--config <file>] [--out <dir>] [--json]; see plan/cli.ts. */
import { planCommand } from "../plan/cli";

planCommand(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`auth0kit plan failed unexpectedly: ${String(error)}\n`);
    process.exit(1);
  },
);
