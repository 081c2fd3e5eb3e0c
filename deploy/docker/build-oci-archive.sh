#!/usr/bin/env bash
# Builds the kubemcp container image as an OCI image archive without a container engine or a base image from a
# container registry: the root filesystem is made from Debian packages (glibc, libstdc++, OpenSSL, zlib, CA
# certificates), a passwd entry for the non-root user 1654, an empty /tmp, and the self-contained app that
# deploy/docker/publish.sh produces. umoci turns it into an OCI image; the archive is the OCI layout as a tar, which
# `podman load`, `skopeo copy oci-archive:…` and `docker load` (Docker 25+) read.
#
# It mirrors deploy/docker/Dockerfile (same publish command, user, entrypoint, environment) for machines that have
# no Docker; the base differs: Debian 12 libraries here, Ubuntu's chiseled runtime-deps there.
#
# Usage: deploy/docker/build-oci-archive.sh [--app DIR] [--tag TAG] OUT.tar
#   --app DIR   an existing publish.sh output (default: run publish.sh into a temp folder)
#   --tag TAG   image tag inside the archive (default: the version in Directory.Build.props)
# Needs: umoci, dpkg-deb and apt-get download (Debian). Installs umoci with apt-get when it is missing and this runs
# as root. Runs as root (umoci unpack/repack keep file ownership); elsewhere use the Dockerfile.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
APP=""
TAG="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$ROOT/Directory.Build.props" | head -1)"
OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --app) APP="$2"; shift 2 ;;
    --tag) TAG="$2"; shift 2 ;;
    -*) echo "build-oci-archive: unknown option $1" >&2; exit 2 ;;
    *) OUT="$1"; shift ;;
  esac
done
[ -n "$OUT" ] || { echo "usage: build-oci-archive.sh [--app DIR] [--tag TAG] OUT.tar" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "build-oci-archive: run as root (umoci keeps file ownership); or build deploy/docker/Dockerfile with a container engine" >&2; exit 1; }
case "$(dpkg --print-architecture 2>/dev/null)" in
  amd64) ARCH=amd64 ;;
  arm64) ARCH=arm64 ;;
  *) echo "build-oci-archive: needs a Debian amd64 or arm64 machine (dpkg)" >&2; exit 1 ;;
esac
if ! command -v umoci >/dev/null; then
  echo ">> installing umoci" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends umoci >&2 \
    || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends umoci >&2; }
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
if [ -z "$APP" ]; then
  APP="$WORK/app"
  (cd "$ROOT" && sh deploy/docker/publish.sh "$ARCH" "$APP")
fi
[ -x "$APP/kubemcp" ] || { echo "build-oci-archive: $APP/kubemcp is missing; run deploy/docker/publish.sh first" >&2; exit 1; }

# The runtime libraries the self-contained app loads (InvariantGlobalization: no ICU).
PACKAGES=(libc6 libgcc-s1 libstdc++6 libssl3 zlib1g ca-certificates)
mkdir -p "$WORK/debs"
if ! (cd "$WORK/debs" && apt-get -o APT::Sandbox::User=root download "${PACKAGES[@]}" >&2); then
  apt-get update >&2
  (cd "$WORK/debs" && apt-get -o APT::Sandbox::User=root download "${PACKAGES[@]}" >&2)
fi

LAYOUT="$WORK/layout"
umoci init --layout "$LAYOUT"
umoci new --image "$LAYOUT:$TAG"
umoci unpack --image "$LAYOUT:$TAG" "$WORK/bundle" >/dev/null
ROOTFS="$WORK/bundle/rootfs"

for deb in "$WORK"/debs/*.deb; do
  dpkg-deb -x "$deb" "$ROOTFS"
done
# Keep the licences (usr/share/doc/*/copyright); drop the rest of the documentation and the package scripts' helpers.
find "$ROOTFS/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete
rm -rf "$ROOTFS/usr/share/man" "$ROOTFS/usr/share/info" "$ROOTFS/usr/share/lintian" "$ROOTFS/usr/share/locale" \
       "$ROOTFS/usr/sbin" "$ROOTFS/usr/bin" "$ROOTFS/sbin" "$ROOTFS/bin" "$ROOTFS/etc/ca-certificates.conf"
# What update-ca-certificates would build: one PEM bundle of the Mozilla roots.
mkdir -p "$ROOTFS/etc/ssl/certs"
cat "$ROOTFS"/usr/share/ca-certificates/mozilla/*.crt > "$ROOTFS/etc/ssl/certs/ca-certificates.crt"
printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654:app:/tmp:/sbin/nologin\n' > "$ROOTFS/etc/passwd"
printf 'root:x:0:\napp:x:1654:\n' > "$ROOTFS/etc/group"
mkdir -p "$ROOTFS/tmp" && chmod 1777 "$ROOTFS/tmp"
mkdir -p "$ROOTFS/app"
cp -a "$APP/." "$ROOTFS/app/"
chown -R 0:0 "$ROOTFS/app"
chmod -R a+rX,go-w "$ROOTFS/app"

umoci repack --image "$LAYOUT:$TAG" "$WORK/bundle"
versions="$(for deb in "$WORK"/debs/*.deb; do dpkg-deb --show --showformat='${Package}=${Version}\n' "$deb"; done | paste -sd' ' -)"
umoci config --image "$LAYOUT:$TAG" \
  --os linux --architecture "$ARCH" \
  --config.user 1654:1654 \
  --config.workingdir /app \
  --config.entrypoint /app/kubemcp \
  --config.cmd serve --config.cmd --bind --config.cmd 0.0.0.0 --config.cmd --port --config.cmd 8080 \
  --config.exposedports 8080/tcp \
  --config.env PATH=/usr/local/bin:/usr/bin:/bin \
  --config.env HOME=/tmp \
  --config.env HELM_CACHE_HOME=/tmp/helm/cache \
  --config.env HELM_CONFIG_HOME=/tmp/helm/config \
  --config.env HELM_DATA_HOME=/tmp/helm/data \
  --config.env DOTNET_CLI_TELEMETRY_OPTOUT=1 \
  --config.label org.opencontainers.image.title=kubemcp \
  --config.label org.opencontainers.image.version="$TAG" \
  --config.label io.kubemcp.base.packages="$versions"
umoci gc --layout "$LAYOUT"

mkdir -p "$(dirname "$OUT")"
tar -C "$LAYOUT" -cf "$OUT.tmp" .
mv "$OUT.tmp" "$OUT"
echo "built $OUT (kubemcp:$TAG, $ARCH, $(du -h "$OUT" | cut -f1))" >&2
