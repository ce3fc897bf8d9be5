/** Every resource family the emulator implements; anything else under /api/v2 answers 501. */
import { actions } from "./actions";
import type { Family } from "./family";
import { clientCredentials } from "./clientCredentials";
import { clientGrants } from "./clientGrants";
import { clients } from "./clients";
import { connections } from "./connections";
import { organizations } from "./organizations";
import { resourceServers } from "./resourceServers";

export const FAMILIES: readonly Family[] = [resourceServers, clients, clientCredentials, clientGrants, connections, organizations, actions];
