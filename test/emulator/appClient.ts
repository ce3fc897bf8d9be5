/** Drives the emulator's app in-process, with a valid token: `call("POST", "/api/v2/roles", {...})`. */
import { createApp, type App, type AppOptions } from "../../emulator/app";

export interface Called {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: any;
}

export function appClient(options: Partial<AppOptions> = {}): { app: App; call: (method: string, url: string, body?: unknown) => Called } {
  const app = createApp({ domain: "tenant.example.com", clientId: "id", clientSecret: "secret", ...options });
  const token = app.issueToken();
  return {
    app,
    call(method, url, body) {
      const res = app.handle({ method, url, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? "" : JSON.stringify(body) });
      return { status: res.status, headers: res.headers, body: res.body === undefined ? undefined : JSON.parse(res.body) };
    },
  };
}
