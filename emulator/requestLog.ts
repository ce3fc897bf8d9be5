/**
 * The request log: one JSON line per request — time, method, path (never the query string),
 * status, duration, and the fault injected if any. Nothing from headers or bodies is written, so
 * neither the client secret, nor a bearer token, nor any secret a stack sends can reach it.
 */
import * as fs from "node:fs";

export interface LogEntry {
  readonly time: string;
  readonly method: string;
  readonly path: string;
  readonly status: number | null;
  readonly durationMs: number;
  readonly fault?: "error" | "drop";
}

export class RequestLog {
  private readonly fd: number;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, "a", 0o600);
  }

  write(entry: LogEntry): void {
    fs.writeSync(this.fd, JSON.stringify(entry) + "\n");
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

/** The path of a request target, without the query string (which may carry IDs or cursors). */
export function pathOnly(target: string): string {
  const q = target.indexOf("?");
  return q === -1 ? target : target.slice(0, q);
}
