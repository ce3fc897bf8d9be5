/**
 * Which recordings exercise which resource type: every recording of the resource types the
 * program declares (components/) and of those the roles, email, prompt and branding work adds.
 * A recording is listed under the type it was recorded for (its test's name).
 */
export const RESOURCE_TYPES: Readonly<Record<string, readonly string[]>> = {
  ResourceServer: ["TestAccResourceServer", "TestAccResourceServerAuth0APIManagementImport", "TestAccResourceServerIsSystem", "TestAccResourceServerOnlineAccess", "TestAccResourceServer_ACR"],
  ResourceServerScopes: ["TestAccResourceServerScopes"],
};
