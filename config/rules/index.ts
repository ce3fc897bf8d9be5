import type { ConfigIssue } from "../issues";
import type { TenantSpec } from "../spec";
import { actionHandlers, bindingOrder, failClosedIsBoolean, tokenExchangeProfiles, uniqueActionNames } from "./actions";
import { apiTokenLifetimes, permissionsInTokenNeedsRbac, uniqueIdentifiers, uniquePermissions } from "./apis";
import {
  grantsReferenceApis,
  grantTypesForType,
  m2mHasNoInteractiveSettings,
  managementApiScopesNeedClientCredentials,
  organizationUsage,
  tokenExchangeNeedsGrant,
} from "./applications";
import {
  envFrontendScopesConsistent,
  envIssuerMatchesJwks,
  envLiteralsCarriable,
  envLocalHasNoTenantRefs,
  envNamesAndPathsUnique,
  envPathsInsideWorkspace,
  envScopesMatchGrants,
  envSecretsStayServerSide,
} from "./envFiles";
import { literalsInReferenceRoles } from "./literalRoles";
import { uniqueDisplayNames } from "./names";
import { referencesExist } from "./references";
import {
  connectionsReferenceApplications,
  enterpriseConnectionFields,
  socialCredentials,
  uniqueConnectionNames,
  uniqueDomainAliases,
} from "./connections";
import { organizationConnectionsEnabledForApplications, organizationNames, organizationsReferenceConnections } from "./organizations";
import { allowlistsAreNarrow, breachedPasswordNotifications } from "./attackProtection";
import { customDomainIsOwned } from "./customDomain";
import { logStreamEndpoints, splunkVerifiesCertificates } from "./logStreams";
import { mfaFactors } from "./mfa";
import { emailTemplatesInUse, emailTemplatesNeedProvider, linkTemplateFields } from "./email";
import { developerKeysWithoutCustomDomain } from "./developerKeys";
import { customTokenExchangeHasConnections, delegationAudiences } from "./tokenExchange";
import { organizationMfaSetting } from "./organizationMfa";
import { requireOrganizationSetting } from "./organizationOnly";
import { identifierFirstForDiscovery, textLanguagesEnabled, webauthnFirstFactor } from "./login";
import { refreshTokenPolicy } from "./refreshTokens";
import { rolePermissionsExist, uniqueRoleNames } from "./roles";
import { enforcementRendered } from "./rollout";
import { sessionLifetimes } from "./tenant";

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
  referencesExist,
  envSecretsStayServerSide,
  envNamesAndPathsUnique,
  envScopesMatchGrants,
  envFrontendScopesConsistent,
  envIssuerMatchesJwks,
  envLocalHasNoTenantRefs,
  envLiteralsCarriable,
  envPathsInsideWorkspace,
  literalsInReferenceRoles,
  connectionsReferenceApplications,
  uniqueConnectionNames,
  enterpriseConnectionFields,
  uniqueDomainAliases,
  socialCredentials,
  organizationNames,
  organizationsReferenceConnections,
  organizationConnectionsEnabledForApplications,
  logStreamEndpoints,
  splunkVerifiesCertificates,
  mfaFactors,
  allowlistsAreNarrow,
  breachedPasswordNotifications,
  customDomainIsOwned,
  actionHandlers,
  bindingOrder,
  tokenExchangeProfiles,
  failClosedIsBoolean,
  uniqueActionNames,
  uniqueDisplayNames,
  rolePermissionsExist,
  uniqueRoleNames,
  emailTemplatesNeedProvider,
  linkTemplateFields,
  emailTemplatesInUse,
  identifierFirstForDiscovery,
  webauthnFirstFactor,
  textLanguagesEnabled,
  organizationMfaSetting,
  developerKeysWithoutCustomDomain,
  customTokenExchangeHasConnections,
  enforcementRendered,
  requireOrganizationSetting,
  delegationAudiences,
];

export function checkRules(spec: TenantSpec, rules: readonly Rule[] = RULES): ConfigIssue[] {
  return rules.flatMap((rule) => rule(spec));
}
