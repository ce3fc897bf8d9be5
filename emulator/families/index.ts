/** Every resource family the emulator implements; anything else under /api/v2 answers 501. */
import type { Family } from "./family";
import { resourceServers } from "./resourceServers";

export const FAMILIES: readonly Family[] = [resourceServers];
