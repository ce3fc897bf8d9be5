import * as pulumi from "@pulumi/pulumi";
import { expect, it } from "vitest";
import { asStackConfig, tenantConfig } from "./components/fixtures";
import { setupMocks } from "./mocks";

it("reports invalid configuration to pulumi preview/up as a RunError (printed without a stack trace), one problem per line", async () => {
  await setupMocks(asStackConfig({ ...tenantConfig(), "auth0kit:environment": "banana", "auth0kit:typo": "{}" }));
  const { default: program } = await import("../index");
  const error = await program().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(pulumi.RunError.isInstance(error)).toBe(true);
  expect((error as Error).message.split("\n")).toEqual([
    'auth0kit:environment: "banana" is not allowed; use one of dev, stage, prod, local',
    expect.stringMatching(/^auth0kit:typo: unknown key; remove it or fix the spelling \(known keys: /),
  ]);
});
