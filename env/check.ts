import { parse } from "dotenv";

/** Names of the variables whose values differ between two env files (missing on either side included), sorted. */
export function changedVariables(expected: string, actual: string): string[] {
  const want = parse(expected);
  const have = parse(actual);
  const names = new Set([...Object.keys(want), ...Object.keys(have)]);
  return [...names].filter((name) => want[name] !== have[name]).sort();
}
