/** npm run schema [-- --check]; see cli/schema.ts. */
import { schemaCommand } from "../cli/schema";
import { exitAfterFlush } from "./exit";

exitAfterFlush(schemaCommand(process.argv.slice(2)));
