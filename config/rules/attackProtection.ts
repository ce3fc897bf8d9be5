import { type ConfigIssue, configPath } from "../issues";
import type { TenantSpec } from "../spec";

const ROOT = "auth0kit:attackProtection";

/** A prefix length of 0 covers every address of its family. */
function coversEverything(entry: string): boolean {
  return /\/0+$/.test(entry);
}

/** An allow-list exempts addresses from a protection; one that holds every address turns it off. */
export function allowlistsAreNarrow(spec: TenantSpec): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const lists = [
    ["bruteForce", spec.attackProtection?.bruteForce?.allowlist ?? []],
    ["suspiciousIpThrottling", spec.attackProtection?.suspiciousIpThrottling?.allowlist ?? []],
  ] as const;
  for (const [protection, allowlist] of lists) {
    allowlist.forEach((entry, index) => {
      if (coversEverything(entry)) {
        issues.push({
          path: configPath(ROOT, protection, "allowlist", index),
          message: `${entry} allow-lists every address, which turns the protection off; list only your own addresses or ranges`,
        });
      }
    });
  }
  return issues;
}

/** Admin notification settings only mean something with the admin-notification shield. */
export function breachedPasswordNotifications(spec: TenantSpec): ConfigIssue[] {
  const breached = spec.attackProtection?.breachedPasswords;
  if (breached?.adminNotificationFrequency === undefined || breached.shields.includes("admin-notification")) return [];
  return [
    {
      path: `${ROOT}.breachedPasswords.adminNotificationFrequency`,
      message: "needs the admin-notification shield; add admin-notification to shields or remove adminNotificationFrequency",
    },
  ];
}
