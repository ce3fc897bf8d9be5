/**
 * The one in-memory store every family keeps its state in: named collections of JSON documents
 * (insertion order kept, which is the order Auth0 lists them in) and named singletons (tenant
 * settings, attack protection, …). Bounded: a write that would take the state past `maxBytes`
 * is refused, so a runaway client cannot exhaust the machine. Serialisable to and from JSON for
 * `--state FILE`.
 */
import { ApiError } from "./errors";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Doc = { [key: string]: Json };

export interface Snapshot {
  readonly version: 1;
  readonly collections: Record<string, Record<string, Doc>>;
  readonly singletons: Record<string, Json>;
}

export const DEFAULT_MAX_STATE_BYTES = 32 * 1024 * 1024;

function size(value: unknown): number {
  return value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value));
}

export class Store {
  private readonly collections = new Map<string, Map<string, Doc>>();
  private readonly singletons = new Map<string, Json>();
  private bytes = 0;

  constructor(readonly maxBytes = DEFAULT_MAX_STATE_BYTES) {}

  get usedBytes(): number {
    return this.bytes;
  }

  private collection(name: string): Map<string, Doc> {
    let c = this.collections.get(name);
    if (c === undefined) {
      c = new Map();
      this.collections.set(name, c);
    }
    return c;
  }

  private account(before: unknown, after: unknown): void {
    const next = this.bytes - size(before) + size(after);
    if (next > this.maxBytes) {
      throw new ApiError(403, `The emulator's state limit (${this.maxBytes} bytes) is reached; delete resources first`, "too_many_entities");
    }
    this.bytes = next;
  }

  isEmpty(): boolean {
    return this.singletons.size === 0 && [...this.collections.values()].every((c) => c.size === 0);
  }

  get(name: string, id: string): Doc | undefined {
    return this.collections.get(name)?.get(id);
  }

  list(name: string): Doc[] {
    return [...(this.collections.get(name)?.values() ?? [])];
  }

  put(name: string, id: string, doc: Doc): Doc {
    const c = this.collection(name);
    this.account(c.get(id), doc);
    c.set(id, doc);
    return doc;
  }

  delete(name: string, id: string): boolean {
    const c = this.collections.get(name);
    const before = c?.get(id);
    if (c === undefined || before === undefined) return false;
    this.account(before, undefined);
    c.delete(id);
    return true;
  }

  deleteWhere(name: string, predicate: (doc: Doc) => boolean): void {
    for (const [id, doc] of this.collections.get(name) ?? []) if (predicate(doc)) this.delete(name, id);
  }

  singleton<T extends Json>(name: string, initial: () => T): T {
    if (!this.singletons.has(name)) this.setSingleton(name, initial());
    return this.singletons.get(name) as T;
  }

  setSingleton(name: string, value: Json): void {
    this.account(this.singletons.get(name), value);
    this.singletons.set(name, value);
  }

  deleteSingleton(name: string): void {
    this.account(this.singletons.get(name), undefined);
    this.singletons.delete(name);
  }

  hasSingleton(name: string): boolean {
    return this.singletons.has(name);
  }

  snapshot(): Snapshot {
    const collections: Record<string, Record<string, Doc>> = {};
    for (const [name, c] of this.collections) collections[name] = Object.fromEntries(c);
    return { version: 1, collections, singletons: Object.fromEntries(this.singletons) };
  }

  /** Replaces the whole state; throws (before changing anything) on a snapshot it cannot read. */
  load(snapshot: unknown): void {
    const s = snapshot as Partial<Snapshot> | null;
    if (s === null || typeof s !== "object" || s.version !== 1 || typeof s.collections !== "object" || typeof s.singletons !== "object") {
      throw new Error("not an emulator state file (expected {version: 1, collections, singletons})");
    }
    const total = size(s.collections) + size(s.singletons);
    if (total > this.maxBytes) throw new Error(`the state file holds ${total} bytes, more than the limit of ${this.maxBytes}`);
    this.collections.clear();
    this.singletons.clear();
    this.bytes = 0;
    for (const [name, docs] of Object.entries(s.collections ?? {})) {
      for (const [id, doc] of Object.entries(docs)) this.put(name, id, doc);
    }
    for (const [name, value] of Object.entries(s.singletons ?? {})) this.setSingleton(name, value);
  }
}
