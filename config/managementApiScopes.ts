/**
 * Every scope of the Auth0 Management API (audience `https://<tenant>/api/v2/`), the list a
 * machine-to-machine application's `managementApiScopes` is checked against.
 *
 * Source: the Management API's own resource server as Auth0 returns it (GET
 * /api/v2/resource-servers/<id> of "Auth0 Management API", its `scopes[].value`), recorded
 * against real tenants by auth0/terraform-provider-auth0 v1.53.0 in
 * test/data/recordings/TestAccResourceServerAuth0APIManagementImport.yaml and
 * TestAccDataSourceResourceServer.yaml (../shared/reference/auth0-recordings/), less the two
 * scopes those tests add themselves (create:foo, create:bar); plus the token exchange profile
 * scopes, newer than the recordings, that the Management API reference lists for
 * /api/v2/token-exchange-profiles (https://auth0.com/docs/api/management/v2/token-exchange-profiles).
 * Keep this the one place the list lives; add a scope here when Auth0 adds one.
 */
export const MANAGEMENT_API_SCOPES: ReadonlySet<string> = new Set([
  "blacklist:tokens", "create:actions", "create:actions_log_sessions", "create:authentication_methods",
  "create:client_credentials", "create:client_grants", "create:client_keys", "create:clients",
  "create:connections", "create:custom_domains", "create:device_credentials", "create:email_provider",
  "create:email_templates", "create:encryption_keys", "create:flows", "create:flows_vault_connections",
  "create:forms", "create:guardian_enrollment_tickets", "create:hooks", "create:log_streams",
  "create:organization_connections", "create:organization_invitations", "create:organization_member_roles",
  "create:organization_members", "create:organizations", "create:passwords_checking_job",
  "create:phone_providers", "create:phone_templates", "create:resource_servers", "create:role_members",
  "create:roles", "create:rules", "create:scim_config", "create:scim_token", "create:self_service_profiles",
  "create:shields", "create:signing_keys", "create:sso_access_tickets", "create:token_exchange_profiles",
  "create:user_custom_blocks", "create:user_tickets", "create:users", "create:users_app_metadata",
  "delete:actions", "delete:anomaly_blocks", "delete:authentication_methods", "delete:branding",
  "delete:client_credentials", "delete:client_grants", "delete:client_keys", "delete:clients",
  "delete:connections", "delete:custom_domains", "delete:device_credentials", "delete:email_provider",
  "delete:encryption_keys", "delete:flows", "delete:flows_executions", "delete:flows_vault_connections",
  "delete:forms", "delete:grants", "delete:guardian_enrollments", "delete:hooks", "delete:log_streams",
  "delete:organization_connections", "delete:organization_invitations", "delete:organization_member_roles",
  "delete:organization_members", "delete:organizations", "delete:passwords_checking_job",
  "delete:phone_providers", "delete:phone_templates", "delete:refresh_tokens", "delete:resource_servers",
  "delete:role_members", "delete:roles", "delete:rules", "delete:rules_configs", "delete:scim_config",
  "delete:scim_token", "delete:self_service_profiles", "delete:sessions", "delete:shields",
  "delete:token_exchange_profiles", "delete:user_custom_blocks", "delete:users", "delete:users_app_metadata",
  "read:actions", "read:anomaly_blocks", "read:attack_protection", "read:authentication_methods",
  "read:branding", "read:client_credentials", "read:client_grants", "read:client_keys", "read:clients",
  "read:connections", "read:connections_options", "read:custom_domains", "read:device_credentials",
  "read:email_provider", "read:email_templates", "read:encryption_keys", "read:entitlements", "read:flows",
  "read:flows_executions", "read:flows_vault", "read:flows_vault_connections", "read:forms", "read:grants",
  "read:guardian_enrollments", "read:guardian_factors", "read:hooks", "read:insights", "read:limits",
  "read:log_streams", "read:logs", "read:logs_users", "read:mfa_policies", "read:organization_connections",
  "read:organization_invitations", "read:organization_member_roles", "read:organization_members",
  "read:organizations", "read:organizations_summary", "read:phone_providers", "read:phone_templates",
  "read:prompts", "read:refresh_tokens", "read:resource_servers", "read:role_members", "read:roles",
  "read:rules", "read:rules_configs", "read:scim_config", "read:scim_token", "read:self_service_profiles",
  "read:sessions", "read:shields", "read:signing_keys", "read:stats", "read:tenant_settings",
  "read:token_exchange_profiles", "read:triggers", "read:user_custom_blocks", "read:user_idp_tokens",
  "read:users", "read:users_app_metadata", "update:actions", "update:attack_protection",
  "update:authentication_methods", "update:branding", "update:client_credentials", "update:client_grants",
  "update:client_keys", "update:clients", "update:connections", "update:connections_options",
  "update:custom_domains", "update:device_credentials", "update:email_provider", "update:email_templates",
  "update:encryption_keys", "update:flows", "update:flows_vault_connections", "update:forms",
  "update:guardian_factors", "update:hooks", "update:limits", "update:log_streams", "update:mfa_policies",
  "update:organization_connections", "update:organizations", "update:phone_providers",
  "update:phone_templates", "update:prompts", "update:resource_servers", "update:roles", "update:rules",
  "update:rules_configs", "update:scim_config", "update:self_service_profiles", "update:shields",
  "update:signing_keys", "update:tenant_settings", "update:token_exchange_profiles", "update:triggers",
  "update:users", "update:users_app_metadata",
]);
