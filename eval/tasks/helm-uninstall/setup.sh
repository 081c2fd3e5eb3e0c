#!/usr/bin/env bash
set -euo pipefail
kubectl create namespace apps
helm install legacy-ui ./chart -n apps >/dev/null
helm install api ./chart -n apps >/dev/null
