"use strict";
// Preloaded (`node --require`) into Pulumi's own Node.js runner (@pulumi/pulumi/cmd/run, what
// the language host starts for `pulumi preview`/`up`) so that the runner loads and runs the
// program exactly as under the real engine — its ts-node registration, the project's tsconfig,
// its module loading and error reporting — while the mock runtime stands in for the engine and
// the providers. Writes what the program registered to $AUTH0KIT_RUNNER_REPORT when it exits.

const fs = require("node:fs");
const { installMocks, maskSecrets } = require("./mockEngine.cjs");

const reportPath = process.env.AUTH0KIT_RUNNER_REPORT;
const registrations = [];
const names = new Map();

const monitorReady = installMocks({
  project: process.env.PULUMI_NODEJS_PROJECT,
  stack: process.env.PULUMI_NODEJS_STACK,
  preview: process.env.PULUMI_NODEJS_DRY_RUN === "true",
  onRegister(req, urn) {
    names.set(urn, req.getName());
    registrations.push({
      urn,
      type: req.getType(),
      name: req.getName(),
      parentUrn: req.getParent(),
      custom: req.getCustom(),
      aliases: req.getAliasesList().map((alias) => alias.getUrn()).filter(Boolean),
      inputs: maskSecrets(req.getObject()?.toJavaScript() ?? {}),
    });
  },
}).then((monitor) => {
  // The engine's monitor has this RPC (the runner calls it once the program is done); the SDK's
  // mock monitor does not, and the runner would print an error for it.
  monitor.signalAndWaitForShutdown = (_request, callback) => callback(null, {});
});

monitorReady.catch((error) => {
  console.error(`runnerPreload: could not install the mock runtime: ${error}`);
  process.exit(1);
});

process.on("exit", (code) => {
  if (reportPath === undefined) return;
  const resources = registrations.map(({ parentUrn, ...rest }) => ({ ...rest, parent: names.get(parentUrn) ?? null }));
  fs.writeFileSync(reportPath, JSON.stringify({ exitCode: code, resources, maxRssKiB: process.resourceUsage().maxRSS }));
});
