import type { ConfigIssue } from "../issues";
import type { TenantSpec } from "../spec";
import { actionHandlers, actionSecretReferences, bindingOrder, tokenExchangeProfiles, uniqueActionNames } from "./actions";
import { apiTokenLifetimes, permissionsInTokenNeedsRbac, uniqueIdentifiers, uniquePermissions } from "./apis";
import {
  grantsReferenceApis,
  grantTypesForType,
  m2mHasNoInteractiveSettings,
  managementApiScopesNeedClientCredentials,
  organizationUsage,
  tokenExchangeNeedsGrant,
} from "./applications";
import { refreshTokenPolicy } from "./refreshTokens";
import { sessionLifetimes } from "./tenant";
import { productionUrls } from "./urls";

export type Rule = (spec: TenantSpec) => ConfigIssue[];

/** Every cross-field and cross-reference rule, run after the schemas have passed. */
export const RULES: readonly Rule[] = [
  uniquePermissions,
  uniqueIdentifiers,
  apiTokenLifetimes,
  permissionsInTokenNeedsRbac,
  grantTypesForType,
  grantsReferenceApis,
  managementApiScopesNeedClientCredentials,
  m2mHasNoInteractiveSettings,
  organizationUsage,
  tokenExchangeNeedsGrant,
  refreshTokenPolicy,
  sessionLifetimes,
  productionUrls,
  actionHandlers,
  bindingOrder,
  tokenExchangeProfiles,
  actionSecretReferences,
  uniqueActionNames,
];

export function checkRules(spec: TenantSpec, rules: readonly Rule[] = RULES): ConfigIssue[] {
  return rules.flatMap((rule) => rule(spec));
}
