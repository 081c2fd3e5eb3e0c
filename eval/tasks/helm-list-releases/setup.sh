#!/usr/bin/env bash
set -euo pipefail
kubectl create namespace shop
kubectl create namespace monitoring
helm install storefront ./chart -n shop >/dev/null
helm install search ./chart -n shop >/dev/null
helm install grafana-lite ./chart -n monitoring >/dev/null
