#!/usr/bin/env bash
# End-to-end smoke test of the engine toolchain built by scripts/engine/build.sh:
# a throwaway Pulumi TypeScript project (one auth0.ResourceServer, one random.RandomPassword),
# a local file backend, dummy Auth0 credentials, `pulumi stack init` and
# `pulumi preview --non-interactive --diff --config-file <temp stack config>`.
# No plugin is downloaded (PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true): the four binaries
# must come from the bin dir, which is put first on PATH.
#
# usage: scripts/engine/smoke.sh [BIN_DIR]     (default: the dir printed by build.sh)
# env:   AUTH0KIT_SMOKE_KEEP=1 keeps the temp dir; exit code is pulumi's.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BIN_DIR=${1:-}
if [[ -z "$BIN_DIR" ]]; then
  BIN_DIR=$(bash "$HERE/build.sh" | tail -n 1)
fi
PULUMI_V=$("$BIN_DIR/pulumi" version | sed 's/^v//')
AUTH0_V=${AUTH0_V:-3.49.0}
RANDOM_V=${RANDOM_V:-4.21.2}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/auth0kit-smoke.XXXXXX")
if [[ "${AUTH0KIT_SMOKE_KEEP:-}" != 1 ]]; then trap 'rm -rf "$TMP"' EXIT; fi
echo "smoke dir: $TMP" >&2
mkdir -p "$TMP/project" "$TMP/state"
cd "$TMP/project"

cat >Pulumi.yaml <<'EOF'
name: engine-smoke
runtime: nodejs
description: auth0kit engine smoke test
EOF
cat >package.json <<'EOF'
{ "name": "engine-smoke", "version": "0.0.0", "private": true, "main": "index.ts" }
EOF
cat >tsconfig.json <<'EOF'
{
  "compilerOptions": {
    "strict": true, "outDir": "bin", "target": "es2020", "module": "commonjs",
    "moduleResolution": "node", "sourceMap": true, "skipLibCheck": true
  },
  "files": ["index.ts"]
}
EOF
cat >index.ts <<'EOF'
import * as auth0 from "@pulumi/auth0";
import * as random from "@pulumi/random";

const api = new auth0.ResourceServer("smoke-api", {
    name: "Smoke API",
    identifier: "https://smoke.example.com/api",
    signingAlg: "RS256",
});
const secret = new random.RandomPassword("smoke-secret", { length: 32, special: false });

export const apiIdentifier = api.identifier;
export const secretLength = secret.length;
EOF
# A temp stack config, used through --config-file instead of Pulumi.<stack>.yaml.
cat >"$TMP/smoke-stack.yaml" <<'EOF'
config:
  engine-smoke:greeting: hello
EOF

npm install --no-audit --no-fund --loglevel=error \
  "@pulumi/pulumi@$PULUMI_V" "@pulumi/auth0@$AUTH0_V" "@pulumi/random@$RANDOM_V" \
  typescript@5.9.3 ts-node@10.9.2 @types/node@20 >&2

export PATH="$BIN_DIR:$PATH"
export PULUMI_HOME="$TMP/pulumi-home"
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_BACKEND_URL="file://$TMP/state"
export PULUMI_CONFIG_PASSPHRASE=throwaway
export AUTH0_DOMAIN=example.us.auth0.com AUTH0_CLIENT_ID=dummy AUTH0_CLIENT_SECRET=dummy

echo "+ pulumi version: $(pulumi version)" >&2
pulumi stack init dev --non-interactive
set +e
pulumi preview --non-interactive --diff --config-file "$TMP/smoke-stack.yaml"
rc=$?
set -e
echo "pulumi preview exit code: $rc" >&2
exit "$rc"
