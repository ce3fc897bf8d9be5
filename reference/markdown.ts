import type { JsonSchema } from "./stackSchema";

/** Where `npm run schema` writes the configuration reference, relative to the project root. */
export const DOC_FILE = "docs/configuration.md";

const BEGIN = /<!-- generated: (\S+) -->\n[\s\S]*?<!-- end generated -->/g;
const begin = (key: string) => `<!-- generated: ${key} -->`;
const END = "<!-- end generated -->";

const HEADER = `# Configuration reference

<!-- The sections between "generated" markers are rendered by npm run schema from the zod schemas
in config/schema/ (edit the descriptions there); the prose outside them is written by hand. -->
`;

/**
 * The configuration reference: `current` (the file as it is, or undefined) with every generated
 * section rendered afresh from the stack file's JSON Schema and its prose kept. A config key
 * without a section gets one at the end; a section naming no config key is an error.
 */
export function renderReference(stackSchema: JsonSchema, current: string | undefined): string {
  const config = (stackSchema.properties as Record<string, JsonSchema>).config!;
  const keys = config.properties as Record<string, JsonSchema>;
  const required = new Set((config.required as string[] | undefined) ?? []);
  const seen = new Set<string>();
  const text = (current ?? HEADER).replace(BEGIN, (_match, key: string) => {
    const node = keys[key];
    if (node === undefined) throw new Error(`${DOC_FILE}: the generated section "${key}" names no config key; remove it or fix the key`);
    seen.add(key);
    return section(key, node, required.has(key));
  });
  const missing = Object.keys(keys).filter((key) => !seen.has(key));
  const appended = missing.map((key) => `\n## \`${key}\`\n\n${section(key, keys[key]!, required.has(key))}\n`).join("");
  return `${text.trimEnd()}\n${appended}`;
}

interface Row {
  readonly path: string;
  readonly node: JsonSchema;
  readonly required: boolean;
}

interface Table {
  readonly title: string;
  readonly rows: Row[];
}

function section(key: string, node: JsonSchema, required: boolean): string {
  const lines = [begin(key), summary(key, node, required)];
  if (typeof node.description === "string") lines.push("", node.description);
  for (const table of tablesOf(node)) {
    lines.push("", table.title, "", ...renderTable(table.rows));
    for (const row of table.rows) {
      const forms = formsOf(row.node);
      if (forms !== undefined) lines.push("", `Values of \`${row.path}\` are one of:`, "", ...renderForms(forms));
    }
  }
  lines.push(END);
  return lines.join("\n");
}

/** The written forms of a value that may be one of several objects (a reference, a secret's source), when it has them. */
function formsOf(node: JsonSchema): JsonSchema[] | undefined {
  // Through lists and maps of plain values (an env file's `vars`, an Action's `secrets`) to the value itself.
  let value = node;
  let inner = itemsOf(value) ?? mapValue(value);
  while (inner !== undefined && objectPart(inner) === undefined) {
    value = inner;
    inner = itemsOf(value) ?? mapValue(value);
  }
  const flatten = (options: JsonSchema[]): JsonSchema[] =>
    options.flatMap((option) => (option.title === undefined && alternatives(option) !== undefined ? flatten(alternatives(option)!) : [option]));
  const options = flatten(alternatives(value) ?? []);
  return options.filter((option) => option.properties !== undefined && option.title === undefined).length >= 2 ? options : undefined;
}

function renderForms(forms: readonly JsonSchema[]): string[] {
  return [
    "| form | value |",
    "| --- | --- |",
    ...forms.map((form) => {
      const fields = Object.values(propertiesOf(form)).map((field) => field.description).filter((text) => typeof text === "string");
      const meaning = typeof form.description === "string" ? form.description : fields.join(" ");
      const shape = form.properties !== undefined && form.title === undefined ? `\`${inlineShape(form)}\`` : typeText(form);
      return `| ${cell(shape)} | ${cell(meaning)} |`;
    }),
  ];
}

function summary(key: string, node: JsonSchema, required: boolean): string {
  const parts = [`\`${key}\`: ${typeText(node, true)}`];
  const limits = constraints(node);
  if (limits !== "") parts.push(limits);
  const fallback = defaultText(node, required);
  parts.push(fallback === "—" ? "optional" : fallback === "required" ? "**required**" : `default ${fallback}`);
  return `${parts.join("; ")}.`;
}

/** The tables under a top-level key: its fields, its map entries' fields, or its variants'. */
function tablesOf(node: JsonSchema): Table[] {
  const entry = mapValue(node) ?? itemsOf(node);
  if (entry !== undefined && (objectPart(entry) !== undefined || variantsOf(entry) !== undefined)) {
    const where = mapValue(node) !== undefined ? "each entry (`<key>`)" : "each list item";
    return fieldTables(entry, where);
  }
  return node.title === undefined ? fieldTables(node, "") : [];
}

function fieldTables(node: JsonSchema, where: string): Table[] {
  const variants = variantsOf(node);
  if (variants === undefined) {
    const rows: Row[] = [];
    walk(node, "", rows);
    return rows.length === 0 ? [] : [{ title: where === "" ? "Fields:" : `Fields of ${where}:`, rows }];
  }
  const { discriminator, options } = variants;
  const shared = Object.keys(options[0]!.properties as JsonSchema).filter(
    (name) => name !== discriminator && options.every((option) => JSON.stringify(propertiesOf(option)[name]) === JSON.stringify(propertiesOf(options[0]!)[name])),
  );
  const values = options.map((option) => propertiesOf(option)[discriminator]!.const);
  const descriptions = options.map((option) => propertiesOf(option)[discriminator]!.description).filter((text) => typeof text === "string");
  const discriminatorRow: Row = {
    path: discriminator,
    node: { ...propertiesOf(options[0]!)[discriminator]!, const: undefined, enum: values, description: descriptions.join(" ") },
    required: true,
  };
  const common: Row[] = [discriminatorRow];
  for (const name of shared) walkField(options[0]!, name, "", common);
  const tables: Table[] = [{ title: `Fields of ${where}, whatever its \`${discriminator}\`:`, rows: common }];
  for (const option of options) {
    const rows: Row[] = [];
    for (const name of Object.keys(propertiesOf(option))) {
      if (name !== discriminator && !shared.includes(name)) walkField(option, name, "", rows);
    }
    if (rows.length > 0) tables.push({ title: `With \`${discriminator}: ${String(propertiesOf(option)[discriminator]!.const)}\`:`, rows });
  }
  return tables;
}

/** Rows for every field under `node`, depth first, in declaration order; a titled node is one value. */
function walk(node: JsonSchema, prefix: string, rows: Row[]): void {
  if (node.title !== undefined) return;
  const object = objectPart(node);
  if (object !== undefined) {
    for (const name of Object.keys(propertiesOf(object))) walkField(object, name, prefix, rows);
    return;
  }
  const value = mapValue(node) ?? itemsOf(node);
  if (value !== undefined && objectPart(value) !== undefined) {
    const path = `${prefix}${mapValue(node) !== undefined ? ".<key>" : "[]"}`;
    if (mapValue(node) !== undefined) rows.push({ path, node: value, required: false });
    walk(value, path, rows);
  }
}

function walkField(object: JsonSchema, name: string, prefix: string, rows: Row[]): void {
  const path = prefix === "" ? name : `${prefix}.${name}`;
  const node = propertiesOf(object)[name]!;
  rows.push({ path, node, required: ((object.required as string[] | undefined) ?? []).includes(name) });
  walk(node, path, rows);
}

function renderTable(rows: readonly Row[]): string[] {
  return [
    "| key | type | default | constraints | description |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((row) =>
      `| \`${row.path}\` | ${cell(typeText(row.node))} | ${cell(defaultText(row.node, row.required))} | ${cell(constraints(row.node))} | ${cell(String(row.node.description ?? ""))} |`,
    ),
  ];
}

function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").replace(/\|/g, "\\|");
}

function propertiesOf(node: JsonSchema): Record<string, JsonSchema> {
  return (node.properties as Record<string, JsonSchema> | undefined) ?? {};
}

function alternatives(node: JsonSchema): JsonSchema[] | undefined {
  return (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
}

/** The fixed-field object a node is, or accepts among scalars (a factor that is `true` or its settings). */
function objectPart(node: JsonSchema): JsonSchema | undefined {
  if (node.properties !== undefined) return node;
  const objects = (alternatives(node) ?? []).filter((option) => option.properties !== undefined && option.title === undefined);
  return objects.length === 1 && variantsOf(node) === undefined ? objects[0] : undefined;
}

/** A map's value schema (`additionalProperties` with keys of the map's own choosing). */
function mapValue(node: JsonSchema): JsonSchema | undefined {
  const value = node.additionalProperties;
  return node.properties === undefined && typeof value === "object" && value !== null ? (value as JsonSchema) : undefined;
}

function itemsOf(node: JsonSchema): JsonSchema | undefined {
  return node.type === "array" && typeof node.items === "object" ? (node.items as JsonSchema) : undefined;
}

/** Objects told apart by one field's constant value (a connection's `kind`, a stream's `type`). */
function variantsOf(node: JsonSchema): { discriminator: string; options: JsonSchema[] } | undefined {
  const options = alternatives(node);
  if (options === undefined || options.length < 2 || !options.every((option) => option.properties !== undefined)) return undefined;
  const discriminator = Object.keys(propertiesOf(options[0]!)).find((name) => options.every((option) => propertiesOf(option)[name]?.const !== undefined));
  return discriminator === undefined ? undefined : { discriminator, options };
}

/** A node's type in words; `brief` names objects told apart by a field instead of spelling each out. */
function typeText(node: JsonSchema, brief = false): string {
  if (typeof node.title === "string") return node.title;
  if (node.const !== undefined) return `\`${String(node.const)}\``;
  const options = alternatives(node);
  const variants = variantsOf(node);
  if (variants !== undefined && brief) return `objects told apart by \`${variants.discriminator}\``;
  if (options !== undefined) {
    return options.map((option) => (option.properties !== undefined && option.title === undefined ? `\`${inlineShape(option)}\`` : typeText(option))).join(" or ");
  }
  const items = itemsOf(node);
  if (items !== undefined) return `list of ${typeText(items, brief)}`;
  const value = mapValue(node);
  if (value !== undefined) return `map of ${typeText(value, brief)}`;
  if (node.properties !== undefined) return "object";
  if (Array.isArray(node.type)) return node.type.join(" or ");
  return typeof node.type === "string" ? node.type : "any";
}

/** `{ ref: apiIdentifier, api: string }`: a small object as a stack file writes it. */
function inlineShape(node: JsonSchema): string {
  const fields = Object.entries(propertiesOf(node)).map(([name, field]) => `${name}: ${field.const !== undefined ? String(field.const) : typeText(field).replace(/`/g, "")}`);
  return `{ ${fields.join(", ")} }`;
}

function defaultText(node: JsonSchema, required: boolean): string {
  if ("default" in node) {
    const value = node.default;
    if (typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) return "its fields' defaults";
    return `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;
  }
  return required ? "required" : "—";
}

function constraints(node: JsonSchema): string {
  if (typeof node.title === "string") return "";
  const parts: string[] = [];
  if (Array.isArray(node.enum)) parts.push(`one of ${node.enum.map((value) => `\`${String(value)}\``).join(", ")}`);
  if (node.format === "email") parts.push("an email address");
  else if (typeof node.pattern === "string") parts.push(`matches \`${node.pattern}\``);
  parts.push(...range(node.minLength, node.maxLength, "characters"));
  parts.push(...range(node.minItems, node.maxItems, "items"));
  if (node.minProperties === 1 && node.maxProperties === 1) parts.push("exactly one entry");
  if (typeof node.minimum === "number") parts.push(`≥ ${node.minimum}`);
  if (typeof node.exclusiveMinimum === "number") parts.push(`> ${node.exclusiveMinimum}`);
  if (typeof node.maximum === "number") parts.push(`≤ ${node.maximum}`);
  const items = itemsOf(node);
  if (items !== undefined && items.properties === undefined && alternatives(items) === undefined) {
    const each = constraints(items);
    if (each !== "") parts.push(`each ${each}`);
  }
  const names = node.propertyNames as JsonSchema | undefined;
  if (typeof names?.pattern === "string") parts.push(`keys match \`${names.pattern}\``);
  const value = mapValue(node);
  if (value !== undefined && value.properties === undefined && alternatives(value) === undefined) {
    const each = constraints(value);
    if (each !== "") parts.push(`values ${each}`);
  }
  return parts.join("; ");
}

/** `unit` is plural; "characters" and "items" lose their s after a 1. */
function range(min: unknown, max: unknown, unit: string): string[] {
  const count = (n: number) => `${n} ${n === 1 ? unit.slice(0, -1) : unit}`;
  if (typeof min === "number" && typeof max === "number") return [min === max ? `exactly ${count(min)}` : `${min}–${max} ${unit}`];
  if (min === 1 && unit === "characters") return ["not empty"];
  if (typeof min === "number" && min > 0) return [`at least ${count(min)}`];
  if (typeof max === "number") return [`at most ${count(max)}`];
  return [];
}
