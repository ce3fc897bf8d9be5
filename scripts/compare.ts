/** npm run compare -- <stackA> <stackB>; see plan/compareCli.ts. */
import { compareCommand } from "../plan/compareCli";

compareCommand(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`auth0kit compare failed unexpectedly: ${String(error)}\n`);
    process.exit(1);
  },
);
