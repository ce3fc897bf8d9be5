/** npm run plan -- --stack <name> [--config <file>] [--out <dir>] [--json] [--markdown <file>]; see cli/plan.ts. */
import { planCommand } from "../cli/plan";
import { exitAfterFlush } from "./exit";

planCommand(process.argv.slice(2)).then(exitAfterFlush, (error: unknown) => {
  process.stderr.write(`auth0kit plan failed unexpectedly: ${String(error)}\n`);
  exitAfterFlush(1);
});
