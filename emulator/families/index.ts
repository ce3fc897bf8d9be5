/** Every resource family the emulator implements; anything else under /api/v2 answers 501. */
import type { Family } from "./family";
import { clientCredentials } from "./clientCredentials";
import { clients } from "./clients";
import { resourceServers } from "./resourceServers";

export const FAMILIES: readonly Family[] = [resourceServers, clients, clientCredentials];
