#!/usr/bin/env bash
set -euo pipefail
kubectl create namespace apps
helm install web ./chart -n apps --set replicaCount=1 >/dev/null
