/** npm run compare -- <stackA> <stackB>; see cli/compare.ts. */
import { compareCommand } from "../cli/compare";

compareCommand(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`auth0kit compare failed unexpectedly: ${String(error)}\n`);
    process.exit(1);
  },
);
