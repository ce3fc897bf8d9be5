import type { z } from "zod";

/**
 * What a value may be written as, for the schemas whose parsing JSON Schema cannot describe: a
 * transform or preprocess step that checks the value itself, so that its message can say how to
 * fix it (a union would only say "invalid input"). The stack file's JSON Schema (reference/) shows
 * this form in their place; parsing never uses it.
 */
const forms = new WeakMap<z.core.$ZodType, z.core.$ZodType>();

/** Registers `form` as what `schema` accepts in a stack file, and returns `schema`. */
export function writtenAs<T extends z.core.$ZodType>(schema: T, form: z.core.$ZodType): T {
  forms.set(schema, form);
  return schema;
}

/** The form registered for `schema`, or for the schema it was derived from by `.describe()`, `.meta()` or `.refine()`. */
export function writtenFormOf(schema: z.core.$ZodType): z.core.$ZodType | undefined {
  for (let current: z.core.$ZodType | undefined = schema; current !== undefined; current = current._zod.parent) {
    const form = forms.get(current);
    if (form !== undefined) return form;
  }
  return undefined;
}
