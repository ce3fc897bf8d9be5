/** The shape of a resource family module. */
import type { RouteTable, TenantInfo } from "../routes";
import type { Store } from "../store";

export interface Family {
  /** Registers the family's /api/v2 routes. */
  readonly routes: (r: RouteTable) => void;
  /** Puts what a new Auth0 tenant already has (the Management API, a default connection, …). */
  readonly seed?: (store: Store, tenant: TenantInfo) => void;
}
