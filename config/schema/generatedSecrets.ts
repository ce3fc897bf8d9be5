import { z } from "zod";
import { keyedMap } from "./common";

export const generatedSecretSchema = z.strictObject({
  /** Random bytes before encoding. Defaults to 32 (256 bits); at least 16. */
  bytes: z.number().int().min(16, { message: "use at least 16 random bytes (128 bits)" }).max(512).default(32),
  /** `hex` or `base64url`. Defaults to hex. */
  encoding: z.enum(["hex", "base64url"]).default("hex"),
  /** Bump to generate a new value (rotation). Defaults to 1. */
  rotation: z.number().int().min(1).default(1),
});

/** Secrets the stack generates (bootstrap tokens, signing keys), by key; rotated by `rotation`. */
export const generatedSecretsSchema = keyedMap(generatedSecretSchema).default({});

export type GeneratedSecretConfig = z.output<typeof generatedSecretSchema>;
