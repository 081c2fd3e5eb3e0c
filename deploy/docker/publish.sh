#!/bin/sh
# Publishes kubemcp for the container image: self-contained for linux-ARCH, precompiled (ReadyToRun, which starts the
# server about 1.5x faster; see docs/benchmarks.md, "MCP server"), untrimmed, without XML docs or satellite resources,
# into OUT. The Dockerfile runs it (so the image and a local build use the same command), and so do
# build-oci-archive.sh and the deployment tests.
# Usage: deploy/docker/publish.sh ARCH OUT [--restore-only]   ARCH: amd64|x64|arm64 (Docker's TARGETARCH or .NET's)
#
# Why not trimmed or Native AOT: the embedded cluster, KubernetesClient and YamlDotNet serialize with reflection; a
# trimmed build publishes with ~70 trim warnings and fails at start ("Reflection-based serialization has been
# disabled"). See docs/deployment.md.
set -eu
ARCH="${1:?usage: publish.sh ARCH OUT [--restore-only]}"
OUT="${2:?usage: publish.sh ARCH OUT [--restore-only]}"
case "$ARCH" in
  amd64|x64) RID=linux-x64 ;;
  arm64) RID=linux-arm64 ;;
  *) echo "publish.sh: unsupported architecture '$ARCH' (amd64 or arm64)" >&2; exit 2 ;;
esac
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
PROJECT=src/KubeMcp.Cli/KubeMcp.Cli.csproj
# Restore and publish must agree on these, or publish finds no runtime pack in the assets file. Nothing here changes
# how the assemblies compile, so this build and the single-file profile share one set of compiled outputs.
PROPS="-p:SelfContained=true -p:RuntimeIdentifier=$RID"
dotnet restore "$PROJECT" $PROPS
if [ "${3:-}" = "--restore-only" ]; then
  exit 0
fi
dotnet publish "$PROJECT" --no-restore -c Release $PROPS \
  -p:PublishReadyToRun=true -p:SatelliteResourceLanguages=en -p:PublishDocumentationFiles=false \
  -o "$OUT"
