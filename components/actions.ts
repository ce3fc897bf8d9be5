import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import { ACTION_TRIGGERS } from "../config/schema/actions";
import type { ActionSpec } from "../config/spec";

export interface ActionsArgs {
  /** The tenant's Actions by key, each carrying its source code (read by the loader). */
  readonly actions: Readonly<Record<string, ActionSpec>>;
  /**
   * Each Action's secret values, by Action key and secret name, resolved by Auth0Tenant from
   * config, secret config and the tenant's own outputs. Secret values arrive as secret outputs.
   */
  readonly secrets: Readonly<Record<string, Readonly<Record<string, pulumi.Input<string>>>>>;
}

/** The token-exchange profile type auth0kit creates: the Action sets the user. */
export const CUSTOM_AUTHENTICATION = "custom_authentication";

/**
 * The tenant's Actions: one deployed `auth0.Action` per source, one `auth0.TriggerActions` per
 * trigger owning that trigger's whole ordered binding list, and one `auth0.TokenExchangeProfile`
 * per custom-token-exchange Action.
 *
 * Lifecycle: Auth0 refuses to delete an Action that is still bound to a trigger. Removing an
 * Action from config removes it from its trigger's binding list (an update of the
 * TriggerActions) and deletes the Action; Pulumi runs deletions of resources that left the
 * program after every create and update, and in reverse dependency order, so the binding is gone
 * before the delete (see docs/actions.md).
 */
export class TenantActions extends pulumi.ComponentResource {
  readonly actions: Readonly<Record<string, auth0.Action>>;
  /** By trigger id, e.g. `post-login`. */
  readonly triggers: Readonly<Record<string, auth0.TriggerActions>>;
  /** By Action key. */
  readonly profiles: Readonly<Record<string, auth0.TokenExchangeProfile>>;

  constructor(name: string, args: ActionsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:actions:Actions", name, {}, opts);
    const specs = Object.keys(args.actions)
      .sort()
      .map((key) => args.actions[key]!);

    const actions: Record<string, auth0.Action> = {};
    for (const action of specs) {
      const secrets = args.secrets[action.key] ?? {};
      actions[action.key] = new auth0.Action(
        `${name}-action-${action.key}`,
        {
          name: action.name,
          code: action.code,
          runtime: action.runtime,
          supportedTriggers: { id: action.trigger, version: ACTION_TRIGGERS[action.trigger].version },
          deploy: true,
          secrets: Object.keys(secrets)
            .sort()
            .map((secretName) => ({ name: secretName, value: secrets[secretName]! })),
          dependencies: Object.keys(action.dependencies)
            .sort()
            .map((dependency) => ({ name: dependency, version: action.dependencies[dependency]! })),
        },
        // The provider does not mark the secrets it stores as secret; make the state copy secret.
        { parent: this, additionalSecretOutputs: ["secrets"] },
      );
    }
    this.actions = actions;

    const byTrigger = new Map<string, ActionSpec[]>();
    for (const action of specs) {
      if (ACTION_TRIGGERS[action.trigger].bound !== "trigger") continue;
      byTrigger.set(action.trigger, [...(byTrigger.get(action.trigger) ?? []), action]);
    }
    const triggers: Record<string, auth0.TriggerActions> = {};
    for (const trigger of [...byTrigger.keys()].sort()) {
      const bound = byTrigger.get(trigger)!.sort((a, b) => a.order! - b.order!);
      triggers[trigger] = new auth0.TriggerActions(
        `${name}-trigger-${trigger}`,
        { trigger, actions: bound.map((action) => ({ id: actions[action.key]!.id, displayName: action.name })) },
        // Bind only deployed Actions; the dependency also orders deletes (bindings first).
        { parent: this, dependsOn: bound.map((action) => actions[action.key]!) },
      );
    }
    this.triggers = triggers;

    const profiles: Record<string, auth0.TokenExchangeProfile> = {};
    for (const action of specs) {
      if (!action.tokenExchangeProfile) continue;
      profiles[action.key] = new auth0.TokenExchangeProfile(
        `${name}-profile-${action.key}`,
        {
          name: action.tokenExchangeProfile.name,
          subjectTokenType: action.tokenExchangeProfile.subjectTokenType,
          actionId: actions[action.key]!.id,
          type: CUSTOM_AUTHENTICATION,
        },
        { parent: this, dependsOn: [actions[action.key]!] },
      );
    }
    this.profiles = profiles;

    this.registerOutputs({
      actionIds: Object.fromEntries(Object.entries(actions).map(([key, action]) => [key, action.id])),
    });
  }
}
