import * as pulumi from "@pulumi/pulumi";
import { installMockRuntime, type PlannedResource, ResourceRecorder, resolveOutputs, settle } from "../plan/mockRuntime";

export { placeholder } from "../plan/mockRuntime";

/**
 * Test harness over the plan's mock runtime: records every registration, fills computed fields
 * by type token, and throws on any unmocked call. Import components only after `setupMocks`.
 */
export async function setupMocks(config: Record<string, string> = {}, secretKeys: string[] = [], preview = true): Promise<MockHarness> {
  const recorder = await installMockRuntime({ project: "auth0kit", stack: "test", config, secretKeys: new Set(secretKeys), preview });
  return new MockHarness(recorder);
}

export class MockHarness {
  constructor(private readonly recorder: ResourceRecorder) {}

  /** Every resource registered so far, once the SDK has settled. */
  async resources(): Promise<PlannedResource[]> {
    await settle();
    return this.recorder.resources();
  }

  async findResource(type: string, name: string): Promise<PlannedResource> {
    const found = (await this.resources()).find((r) => r.type === type && r.name === name);
    if (!found) throw new Error(`no ${type} named ${name}; registered: ${(await this.resources()).map((r) => r.name).join(", ")}`);
    return found;
  }

  /** A resource's inputs with secrets unmasked (mock placeholders only; see ResourceRecorder). */
  async unmaskedInputs(type: string, name: string): Promise<Record<string, unknown> | undefined> {
    await settle();
    return this.recorder.unmaskedInputs(type, name);
  }

  /** Warnings the program logged with pulumi.log.warn. */
  warnings(): string[] {
    return this.recorder.warnings();
  }

  async ofType(type: string): Promise<PlannedResource[]> {
    return (await this.resources()).filter((r) => r.type === type);
  }
}

/** The value of an output, with secrets shown as "[secret]". */
export async function unwrap<T>(output: pulumi.Input<T> | undefined): Promise<unknown> {
  return resolveOutputs(output);
}

export const TYPES = {
  tenant: "auth0:index/tenant:Tenant",
  client: "auth0:index/client:Client",
  clientCredentials: "auth0:index/clientCredentials:ClientCredentials",
  clientGrant: "auth0:index/clientGrant:ClientGrant",
  resourceServer: "auth0:index/resourceServer:ResourceServer",
  resourceServerScopes: "auth0:index/resourceServerScopes:ResourceServerScopes",
  connection: "auth0:index/connection:Connection",
  connectionClients: "auth0:index/connectionClients:ConnectionClients",
  connectionClient: "auth0:index/connectionClient:ConnectionClient",
  organization: "auth0:index/organization:Organization",
  organizationConnections: "auth0:index/organizationConnections:OrganizationConnections",
  organizationConnection: "auth0:index/organizationConnection:OrganizationConnection",
  action: "auth0:index/action:Action",
  triggerActions: "auth0:index/triggerActions:TriggerActions",
  tokenExchangeProfile: "auth0:index/tokenExchangeProfile:TokenExchangeProfile",
} as const;
