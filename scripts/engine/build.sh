#!/usr/bin/env bash
# Builds the Pulumi engine toolchain that `pulumi preview` / `pulumi up` need, from Go sources
# fetched through the Go module proxy (this project's machines cannot reach get.pulumi.com or
# GitHub, so `pulumi plugin install` and the official installers do not work here):
#
#   pulumi                   github.com/pulumi/pulumi/pkg/v3/cmd/pulumi            (tagged vX.Y.Z)
#   pulumi-language-nodejs   github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 (untagged)
#   pulumi-resource-auth0    github.com/pulumi/pulumi-auth0/provider/v3            (untagged)
#   pulumi-resource-random   github.com/pulumi/pulumi-random/provider/v4           (untagged)
#
# Output: ${AUTH0KIT_ENGINE_CACHE:-$HOME/.cache/auth0kit/engine}/<pulumi>_auth0-<v>_random-<v>/bin/
# The last line on stdout is that bin dir. Idempotent: a stamp file marks a complete build and a
# second run does nothing. Versions come from package.json "dependencies" (@pulumi/pulumi,
# @pulumi/auth0, @pulumi/random) when it exists.
#
# Exit codes: 0 all four binaries present; 1 something could not be built (what was built stays
# in the bin dir; the reasons are printed on stderr and no stamp is written).
#
# See docs/engine-notes.md for what the Go module proxy reachable from here actually serves.
set -euo pipefail

log() { printf '[engine] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

command -v go >/dev/null || die "go is not on PATH"
command -v node >/dev/null || die "node is not on PATH (used to read package.json and JSON)"

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PKG_JSON="$REPO_ROOT/package.json"

# dep_version NAME DEFAULT -> exact version from package.json dependencies (leading ^ ~ = v stripped)
dep_version() {
  local v=""
  if [[ -f "$PKG_JSON" ]]; then
    v=$(node -e '
      const p = require(process.argv[1]);
      const v = (p.dependencies || {})[process.argv[2]] || "";
      process.stdout.write(v.replace(/^[\^~=v]+/, ""));
    ' "$PKG_JSON" "$1")
  fi
  [[ "$v" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || v="$2"
  printf '%s' "$v"
}

PULUMI_V=$(dep_version @pulumi/pulumi 3.248.0)
AUTH0_V=$(dep_version @pulumi/auth0 3.49.0)
RANDOM_V=$(dep_version @pulumi/random 4.21.2)

CACHE_ROOT=${AUTH0KIT_ENGINE_CACHE:-$HOME/.cache/auth0kit/engine}
OUT_DIR="$CACHE_ROOT/${PULUMI_V}_auth0-${AUTH0_V}_random-${RANDOM_V}"
BIN_DIR="$OUT_DIR/bin"
STAMP="$OUT_DIR/.complete"
BINARIES=(pulumi pulumi-language-nodejs pulumi-resource-auth0 pulumi-resource-random)

all_present() {
  local b
  for b in "${BINARIES[@]}"; do [[ -x "$BIN_DIR/$b" ]] || return 1; done
}

if [[ -f "$STAMP" ]] && all_present; then
  log "already built: $BIN_DIR"
  echo "$BIN_DIR"
  exit 0
fi

mkdir -p "$BIN_DIR"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/auth0kit-engine.XXXXXX")
trap 'chmod -R u+w "$WORK" 2>/dev/null || true; rm -rf "$WORK"' EXIT

export GOFLAGS="-mod=mod -buildvcs=false"
export GOTOOLCHAIN=${GOTOOLCHAIN:-local}
export CGO_ENABLED=${CGO_ENABLED:-0}
GO_BUILD=(go build -p 2 -trimpath)

# Pulumi's own go.mod files carry this replace (the upstream module does not build on all OSes).
CLIPBOARD_REPLACE="github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e"
VERSION_VAR="github.com/pulumi/pulumi/sdk/v3/go/common/version.Version"

# ---------------------------------------------------------------------------------------------
# Pseudo-versions of the untagged modules.
#
# The language host and the provider modules are not tagged, so they are required by the
# pseudo-version of the release commit: v<major>.0.0-<UTC commit time>-<12 hex of commit hash>.
# The release commit and its time are read from a tagged sibling module of the same repository:
#   language host   <- github.com/pulumi/pulumi/pkg/v3@v<pulumi>      (pkg/ is tagged on the
#                      commit whose go.mod files already require sdk v<pulumi>, as the language
#                      host's go.mod does; the sdk/ tag sits on an earlier commit)
#   auth0 provider  <- github.com/pulumi/pulumi-auth0/sdk/v3@v<auth0>
#   random provider <- github.com/pulumi/pulumi-random/sdk/v4@v<random>
# i.e. `go mod download -json MODULE@vX.Y.Z` -> Origin.Hash and the .info Time.
# Known results (used when the lookup fails; override with the env vars below):
declare -A KNOWN_PSEUDO=(
  ["langhost@3.248.0"]="v3.0.0-20260624180030-dc7edd58bc13"  # pkg/v3.248.0 = dc7edd58bc13 @ 2026-06-24T18:00:30Z
  ["random@4.21.2"]="v4.0.0-20260917112258-b62f810278b9"     # sdk/v4.21.2  = b62f810278b9 @ 2026-09-17T11:22:58Z
  # ["auth0@3.49.0"]: unknown here: the proxy does not serve github.com/pulumi/pulumi-auth0/sdk/v3.
)

# pseudo_from_tag MODULE TAG MAJOR -> prints the pseudo-version, or fails
pseudo_from_tag() {
  local json
  json=$(go mod download -json "$1@$2" 2>/dev/null) || return 1
  node -e '
    const fs = require("fs");
    const d = JSON.parse(process.argv[1]);
    if (d.Error || !d.Info) process.exit(1);
    const info = JSON.parse(fs.readFileSync(d.Info, "utf8"));
    const hash = (d.Origin && d.Origin.Hash) || (info.Origin && info.Origin.Hash);
    if (!hash || !info.Time) process.exit(1);
    const t = new Date(info.Time).toISOString().replace(/[-:T]/g, "").slice(0, 14);
    process.stdout.write(`v${process.argv[2]}.0.0-${t}-${hash.slice(0, 12)}`);
  ' "$json" "$3"
}

# resolve KEY OVERRIDE MODULE TAG MAJOR
resolve() {
  local key=$1 override=$2 v
  if [[ -n "$override" ]]; then printf '%s' "$override"; return 0; fi
  if v=$(pseudo_from_tag "$3" "$4" "$5"); then printf '%s' "$v"; return 0; fi
  if [[ -n "${KNOWN_PSEUDO[$key]:-}" ]]; then printf '%s' "${KNOWN_PSEUDO[$key]}"; return 0; fi
  return 1
}

FAILURES=()
TIMES_FILE="$OUT_DIR/build-times.txt"

# timed NAME CMD... -> runs CMD, records wall seconds
timed() {
  local name=$1 start end; shift
  start=$(date +%s)
  # A subshell outside any `if`, so that `set -e` really applies inside the build function.
  set +e
  ( set -e; "$@" )
  local rc=$?
  set -e
  if ((rc == 0)); then
    end=$(date +%s)
    log "$name built in $((end - start)) s"
    printf '%s %ss %s\n' "$name" "$((end - start))" "$(date -u +%FT%TZ)" >>"$TIMES_FILE"
  else
    FAILURES+=("$name")
    log "$name: FAILED"
  fi
}

# ---------------------------------------------------------------------------------------------
# 1. pulumi CLI: a wrapper module that requires pkg/v3 (go install refuses modules that carry
#    replace directives, and pkg/go.mod has `sdk/v3 => ../sdk` plus the clipboard replace).
build_cli() {
  local w="$WORK/cli"
  mkdir -p "$w" && cd "$w"
  go mod init auth0kit.local/engine/cli >/dev/null 2>&1
  go mod edit -replace "$CLIPBOARD_REPLACE"
  go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$PULUMI_V" "github.com/pulumi/pulumi/sdk/v3@v$PULUMI_V" >&2
  "${GO_BUILD[@]}" -ldflags "-s -w -X $VERSION_VAR=v$PULUMI_V" \
    -o "$BIN_DIR/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
}

# 2. Node.js language host: same wrapper approach; its own go.mod replaces sdk/pkg with relative
#    paths into the pulumi repo, which a wrapper module ignores, pinning them to v$PULUMI_V instead.
build_langhost() {
  local v w="$WORK/langhost" mod=github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3
  v=$(resolve "langhost@$PULUMI_V" "${AUTH0KIT_LANGHOST_PSEUDO:-}" \
      github.com/pulumi/pulumi/pkg/v3 "v$PULUMI_V" 3) || { log "cannot resolve $mod for pulumi $PULUMI_V"; return 1; }
  log "language host: $mod@$v"
  mkdir -p "$w" && cd "$w"
  go mod init auth0kit.local/engine/langhost >/dev/null 2>&1
  go mod edit -replace "$CLIPBOARD_REPLACE"
  go get "$mod@$v" "github.com/pulumi/pulumi/pkg/v3@v$PULUMI_V" "github.com/pulumi/pulumi/sdk/v3@v$PULUMI_V" >&2 \
    || { log "the Go module proxy did not serve $mod@$v"; return 1; }
  "${GO_BUILD[@]}" -ldflags "-s -w -X $VERSION_VAR=v$PULUMI_V" -o "$BIN_DIR/pulumi-language-nodejs" "$mod" >&2
}

# 3./4. Bridged providers: build inside a writable copy of the provider module, because
#    - its go.mod replaces the upstream Terraform provider through a local `shim` module
#      (a nested module, so not part of the provider's module zip) and the terraform-plugin-sdk
#      with Pulumi's fork, and
#    - cmd/pulumi-resource-<name> embeds schema-embed.json, generated (minified) from the
#      committed schema.json and not itself part of the sources.
# write_shim DIR SHIM_MODULE KIND UPSTREAM_MODULE UPSTREAM_VERSION
write_shim() {
  local dir=$1 shim_mod=$2 kind=$3 up_mod=$4 up_v=$5
  mkdir -p "$dir"
  printf 'module %s\n\ngo 1.24\n\nrequire %s %s\n' "$shim_mod" "$up_mod" "$up_v" >"$dir/go.mod"
  if [[ $kind == sdkv2 ]]; then
    cat >"$dir/shim.go" <<EOF
// Package shim exposes the upstream Terraform provider (its package is internal).
package shim

import (
	"$up_mod/internal/provider"
	"github.com/hashicorp/terraform-plugin-sdk/v2/helper/schema"
)

func NewProvider() *schema.Provider { return provider.New() }
EOF
  else
    cat >"$dir/shim.go" <<EOF
// Package shim exposes the upstream Terraform provider (its package is internal).
package shim

import (
	tfpf "github.com/hashicorp/terraform-plugin-framework/provider"
	"$up_mod/internal/provider"
)

func NewProvider() tfpf.Provider { return provider.New() }
EOF
  fi
}

# build_provider NAME MODULE VERSION-KEY OVERRIDE SDK-MODULE SDK-TAG MAJOR SHIM-KIND UPSTREAM-MODULE
build_provider() {
  local name=$1 mod=$2 key=$3 override=$4 sdk_mod=$5 tag=$6 major=$7 kind=$8 up_mod=$9
  local plain=${tag#v}
  local v json src w="$WORK/$name"
  v=$(resolve "$key" "$override" "$sdk_mod" "$tag" "$major") \
    || { log "cannot resolve the pseudo-version of $mod for $tag (the proxy did not serve $sdk_mod@$tag; set the override env var)"; return 1; }
  log "$name provider: $mod@$v"
  json=$(go mod download -json "$mod@$v" 2>&1) || { log "the Go module proxy did not serve $mod@$v: $json"; return 1; }
  src=$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).Dir || "")' "$json")
  [[ -d "$src" ]] || { log "no module directory for $mod@$v"; return 1; }
  mkdir -p "$w/provider"
  cp -R "$src/." "$w/provider/"
  chmod -R u+w "$w"
  cd "$w/provider"
  # Resolve every local (path) replace; create the shim module where the go.mod expects it.
  local rep up_v
  up_v=$(go mod edit -json | node -e '
    const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const r = (m.Require || []).find(x => x.Path === process.argv[1]);
    process.stdout.write(r ? r.Version : "");' "$up_mod")
  while IFS=$'\t' read -r rep_mod rep; do
    [[ -z "$rep" ]] && continue
    if [[ ! -e "$rep/go.mod" ]]; then
      if [[ "$rep_mod" == */shim && -n "$up_v" ]]; then
        log "$name: writing shim module $rep_mod at $rep (upstream $up_mod $up_v)"
        write_shim "$rep" "$rep_mod" "$kind" "$up_mod" "$up_v"
      else
        log "$name: go.mod replaces $rep_mod with local path $rep, which is not in the module zip"
        return 1
      fi
    fi
  done < <(go mod edit -json | node -e '
    const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
    for (const r of m.Replace || []) if (!r.New.Version) console.log(r.Old.Path + "\t" + r.New.Path);')
  grep -q 'atotto/clipboard' go.mod && ! grep -q 'tgummerer/clipboard' go.mod && go mod edit -replace "$CLIPBOARD_REPLACE"
  local cmd="cmd/pulumi-resource-$name"
  if [[ ! -f "$cmd/schema-embed.json" ]]; then
    if [[ -f "$cmd/generate.go" ]]; then
      (cd "$cmd" && go run generate.go) >&2 || go generate "./$cmd" >&2
    fi
    [[ -f "$cmd/schema-embed.json" ]] || node -e '
      const fs = require("fs");
      fs.writeFileSync(process.argv[2], JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1], "utf8"))));
    ' "$cmd/schema.json" "$cmd/schema-embed.json"
  fi
  "${GO_BUILD[@]}" -ldflags "-s -w -X $mod/pkg/version.Version=$plain" -o "$BIN_DIR/pulumi-resource-$name" "./$cmd" >&2
}

[[ -x "$BIN_DIR/pulumi" ]] || timed pulumi build_cli
[[ -x "$BIN_DIR/pulumi-language-nodejs" ]] || timed pulumi-language-nodejs build_langhost
if [[ ! -x "$BIN_DIR/pulumi-resource-auth0" ]]; then
  timed pulumi-resource-auth0 build_provider auth0 github.com/pulumi/pulumi-auth0/provider/v3 \
    "auth0@$AUTH0_V" "${AUTH0KIT_AUTH0_PROVIDER_PSEUDO:-}" github.com/pulumi/pulumi-auth0/sdk/v3 "v$AUTH0_V" 3 \
    sdkv2 github.com/auth0/terraform-provider-auth0
fi
if [[ ! -x "$BIN_DIR/pulumi-resource-random" ]]; then
  timed pulumi-resource-random build_provider random github.com/pulumi/pulumi-random/provider/v4 \
    "random@$RANDOM_V" "${AUTH0KIT_RANDOM_PROVIDER_PSEUDO:-}" github.com/pulumi/pulumi-random/sdk/v4 "v$RANDOM_V" 4 \
    framework github.com/terraform-providers/terraform-provider-random
fi

if ((${#FAILURES[@]})); then
  log "not built: ${FAILURES[*]} (see docs/engine-notes.md); built so far: $(ls "$BIN_DIR" | tr '\n' ' ')"
  echo "$BIN_DIR"
  exit 1
fi
all_present || die "some binaries are missing in $BIN_DIR"
date -u +%FT%TZ >"$STAMP"
log "done: $BIN_DIR"
echo "$BIN_DIR"
