/** Sorted and de-duplicated, so reordering a list in config never shows up as a diff. */
export function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/** Auth0's API spells enum values in snake_case; the config uses kebab-case. */
export function snakeCase(value: string): string {
  return value.replace(/-/g, "_");
}
