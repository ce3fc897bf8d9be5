/** npm run adopt -- --stack <name> [--domain <tenant domain>] [--environment dev|stage|prod] [--force]; see cli/adopt.ts. */
import { adoptCommand } from "../cli/adopt";
import { exitAfterFlush } from "./exit";

adoptCommand(process.argv.slice(2)).then(exitAfterFlush, (error: unknown) => {
  process.stderr.write(`auth0kit adopt failed unexpectedly: ${String(error)}\n`);
  exitAfterFlush(1);
});
