/** npm run env -- --stack <name> [--outputs <file>|-] [--dir <dir>] [--check]; see cli/env.ts. */
import { envCommand } from "../cli/env";
import { exitAfterFlush } from "./exit";

exitAfterFlush(envCommand(process.argv.slice(2)));
