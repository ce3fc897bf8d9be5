/** npm run bench [-- --sizes 10,100,1000] [--out <file> | --no-write]; see cli/bench.ts. */
import { benchCommand } from "../cli/bench";

benchCommand(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`auth0kit bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
