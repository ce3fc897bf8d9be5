/** The shape of a resource family module. */
import type { RouteTable } from "../routes";
import type { Store } from "../store";

export interface TenantInfo {
  /** The host the provider talks to, e.g. `127.0.0.1:4443`: Auth0 builds URLs from it. */
  readonly domain: string;
}

export interface Family {
  /** Registers the family's /api/v2 routes. */
  readonly routes: (r: RouteTable) => void;
  /** Puts what a new Auth0 tenant already has (the Management API, a default connection, …). */
  readonly seed?: (store: Store, tenant: TenantInfo) => void;
}
