#!/usr/bin/env bash
set -uo pipefail
if helm status legacy-ui -n apps >/dev/null 2>&1; then echo "legacy-ui is still installed"; exit 1; fi
helm status api -n apps -o json | grep -q '"status": *"deployed"' || { echo "api is not deployed any more"; exit 1; }
