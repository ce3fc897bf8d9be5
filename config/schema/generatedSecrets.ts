import { z } from "zod";
import { keyedMap } from "./common";

export const generatedSecretSchema = z
  .strictObject({
    bytes: z
      .number()
      .int()
      .min(16, { message: "use at least 16 random bytes (128 bits)" })
      .max(512)
      .default(32)
      .describe("Random bytes before encoding, 16 to 512. Defaults to 32 (256 bits)."),
    encoding: z.enum(["hex", "base64url"]).default("hex").describe("How the bytes are written: hex or base64url. Defaults to hex."),
    rotation: z.number().int().min(1).default(1).describe("Bump it to generate a new value. Defaults to 1."),
  })
  .describe("One generated secret.");

export const generatedSecretsSchema = keyedMap(generatedSecretSchema)
  .default({})
  .describe(
    "Secrets the stack generates with @pulumi/random and keeps in its encrypted state (bootstrap tokens, signing keys), by key; env files reference them.",
  );

export type GeneratedSecretConfig = z.output<typeof generatedSecretSchema>;
