/**
 * npm run emulator -- [--port N] [--state FILE] [--tier <planTier>] [--faults SPEC] [--log FILE]
 *
 * Starts the local Auth0 Management API emulator (emulator/) on https://127.0.0.1:<port>, prints
 * the provider settings that point a scratch stack at it and where the request log goes, and runs
 * until Ctrl-C or SIGTERM, then stops cleanly (saving --state). Exit 2 on bad options.
 */
import { parseArgs } from "node:util";
import type { Io } from "./io";
import { describeFaults, parseFaults } from "../emulator/faults";
import { startEmulator, type Emulator, type EmulatorOptions } from "../emulator/server";
import { isTier, TIER_LIMITS, TIERS } from "../emulator/tiers";

export const USAGE = "usage: npm run emulator -- [--port N] [--state FILE] [--tier <planTier>] [--faults latency=MS,5xx=SHARE,drop=SHARE] [--log FILE]";
export const DEFAULT_PORT = 4443;

class UsageError extends Error {}

/** The options, or a UsageError naming the flag and the fix. */
export function parseEmulatorArgs(argv: readonly string[]): EmulatorOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { port: { type: "string" }, state: { type: "string" }, tier: { type: "string" }, faults: { type: "string" }, log: { type: "string" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: ${values.port} is not a port number; use 1-65535 (or 0 for any free port)`);
  if (values.tier !== undefined && !isTier(values.tier)) throw new UsageError(`--tier: ${values.tier} is not a plan tier; use one of ${TIERS.join(", ")}`);
  let faults;
  try {
    faults = values.faults === undefined ? undefined : parseFaults(values.faults);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return {
    port,
    ...(values.state !== undefined ? { stateFile: values.state } : {}),
    ...(values.tier !== undefined ? { tier: values.tier as EmulatorOptions["tier"] } : {}),
    ...(faults !== undefined ? { faults } : {}),
    ...(values.log !== undefined ? { logFile: values.log } : {}),
  };
}

/** What the user needs to point the Auth0 provider at the emulator. */
export function settingsText(emulator: Emulator, options: EmulatorOptions): string {
  const limit = options.tier === undefined ? "off (start with --tier <planTier> to rate-limit)" : `${options.tier}: burst ${TIER_LIMITS[options.tier].burst}, ${TIER_LIMITS[options.tier].sustained}/s`;
  return [
    `Auth0 Management API emulator listening on https://${emulator.domain}`,
    "",
    "Provider settings (in a scratch stack, never a real environment's):",
    `  pulumi config set auth0:domain ${emulator.domain}`,
    `  pulumi config set auth0:clientId ${emulator.clientId}`,
    `  pulumi config set --secret auth0:clientSecret ${emulator.clientSecret}`,
    `  export SSL_CERT_FILE=${emulator.caFile}`,
    "",
    `Request log: ${emulator.logFile}`,
    `State: ${options.stateFile ?? "in memory only (--state FILE keeps it)"}`,
    `Rate limits: ${limit}`,
    `Faults: ${describeFaults(options.faults ?? { latencyMs: 0, errorShare: 0, dropShare: 0 })}`,
    "Ctrl-C stops it.",
    "",
  ].join("\n");
}

/** Runs until a signal; resolves with the exit code. */
export async function emulatorCommand(argv: readonly string[], io: Io = process): Promise<number> {
  let options: EmulatorOptions;
  try {
    options = parseEmulatorArgs(argv);
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  let emulator: Emulator;
  try {
    emulator = await startEmulator(options);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "EADDRINUSE") {
      io.stderr.write(`--port: ${options.port} is in use; pick another with --port N\n`);
      return 2;
    }
    if (err.message.startsWith("--state:")) {
      io.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw e;
  }
  io.stdout.write(settingsText(emulator, options));
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      io.stdout.write(`\n${signal}: stopping the emulator${options.stateFile ? ` and saving ${options.stateFile}` : ""}\n`);
      emulator.stop().then(
        () => resolve(0),
        (e: unknown) => {
          io.stderr.write(`emulator: could not stop cleanly: ${(e as Error).message}\n`);
          resolve(1);
        },
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
