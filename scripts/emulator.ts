/** npm run emulator -- [--port N] [--state FILE] [--tier <planTier>] [--faults SPEC]; see cli/emulator.ts. */
import { emulatorCommand } from "../cli/emulator";
import { exitAfterFlush } from "./exit";

void emulatorCommand(process.argv.slice(2)).then(exitAfterFlush);
