import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import type { CustomDomainConfig } from "../config/schema/customDomain";

export interface CustomDomainArgs {
  readonly customDomain: CustomDomainConfig;
  /** Protect the domain from deletion (deleting it breaks every login on it). Defaults to false. */
  readonly protect?: boolean;
}

/** A DNS record the operator creates so that Auth0 can verify the domain. */
export interface DnsRecord {
  /** e.g. CNAME or TXT */
  readonly type: string;
  /** The record's name (host). */
  readonly name: string;
  /** The record's value. */
  readonly value: string;
}

interface VerificationLike {
  readonly methods?: readonly Record<string, unknown>[];
}

/**
 * The records of the provider's `verifications` output: each method is `{ name: cname|txt,
 * record, domain? }`, where `domain` (the record's host) defaults to the custom domain itself.
 */
export function dnsRecordsOf(verifications: readonly VerificationLike[] | undefined, domain: string): DnsRecord[] {
  return (verifications ?? []).flatMap((verification) =>
    (verification.methods ?? []).map((method) => ({
      type: String(method.name ?? "").toUpperCase(),
      name: typeof method.domain === "string" && method.domain !== "" ? method.domain : domain,
      value: String(method.record ?? ""),
    })),
  );
}

/** A custom domain with Auth0-managed certificates, and the DNS record that verifies it. */
export class CustomDomain extends pulumi.ComponentResource {
  readonly domain: string;
  readonly resource: auth0.CustomDomain;
  /** The DNS records to create before Auth0 can verify the domain. */
  readonly dnsRecords: pulumi.Output<DnsRecord[]>;
  /** Auth0's status: pending_verification, ready, … */
  readonly status: pulumi.Output<string>;

  constructor(name: string, args: CustomDomainArgs, opts?: pulumi.ComponentResourceOptions) {
    super("auth0kit:customDomain:CustomDomain", name, {}, opts);
    this.domain = args.customDomain.domain;
    this.resource = new auth0.CustomDomain(
      `${name}-domain`,
      { domain: this.domain, type: "auth0_managed_certs" },
      { parent: this, protect: args.protect ?? false },
    );
    this.dnsRecords = this.resource.verifications.apply((verifications) => dnsRecordsOf(verifications, this.domain));
    this.status = this.resource.status;
    this.registerOutputs({ dnsRecords: this.dnsRecords, status: this.status });
  }
}
