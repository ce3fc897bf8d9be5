import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import type { TenantConfig } from "../config/schema/tenant";

export interface TenantSettingsArgs {
  /** The validated `auth0kit:tenant` settings. */
  readonly settings: TenantConfig;
  /** Protect the settings from deletion (a delete would leave Auth0's defaults). Defaults to false. */
  readonly protect?: boolean;
  /**
   * Route MFA phone messages through the tenant-level phone provider (Auth0's Unified Phone
   * Experience). Defaults to leaving Auth0's setting as it is.
   */
  readonly phoneConsolidatedExperience?: boolean;
}

/** Tenant-wide settings: names shown to users, session lifetimes, locales and safety flags. */
export class TenantSettings extends pulumi.ComponentResource {
  readonly tenant: auth0.Tenant;

  constructor(name: string, args: TenantSettingsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:tenant:TenantSettings", name, {}, opts);
    const { settings } = args;
    this.tenant = new auth0.Tenant(
      `${name}-tenant`,
      {
        friendlyName: settings.friendlyName,
        supportEmail: settings.supportEmail,
        supportUrl: settings.supportUrl,
        sessionLifetime: settings.sessionLifetime,
        idleSessionLifetime: settings.idleSessionLifetime,
        // Order matters here: Auth0 uses the first locale as the default.
        enabledLocales: [...settings.enabledLocales],
        defaultAudience: settings.defaultAudience,
        flags: { enableClientConnections: settings.enableClientConnections },
        phoneConsolidatedExperience: args.phoneConsolidatedExperience,
      },
      { parent: this, protect: args.protect ?? false },
    );
    this.registerOutputs({});
  }
}
