/** Every resource family the emulator implements; anything else under /api/v2 answers 501. */
import { actions } from "./actions";
import { attackProtection } from "./attackProtection";
import { brandingFamily } from "./branding";
import { clientCredentials } from "./clientCredentials";
import { clientGrants } from "./clientGrants";
import { clients } from "./clients";
import { connections } from "./connections";
import { customDomains } from "./customDomains";
import { emails } from "./emails";
import type { Family } from "./family";
import { guardian } from "./guardian";
import { logStreams } from "./logStreams";
import { organizations } from "./organizations";
import { prompts } from "./prompts";
import { resourceServers } from "./resourceServers";
import { roles } from "./roles";
import { tenant } from "./tenant";
import { tokenExchangeProfiles } from "./tokenExchangeProfiles";

export const FAMILIES: readonly Family[] = [
  tenant,
  resourceServers,
  clients,
  clientCredentials,
  clientGrants,
  connections,
  organizations,
  actions,
  tokenExchangeProfiles,
  attackProtection,
  customDomains,
  logStreams,
  guardian,
  roles,
  emails,
  prompts,
  brandingFamily,
];
