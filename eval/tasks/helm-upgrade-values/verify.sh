#!/usr/bin/env bash
# Helm's own record must say 3 replicas: editing the Deployment directly leaves the release's values at 1.
set -euo pipefail
helm status web -n apps -o json | grep -q '"status": *"deployed"'
helm get values web -n apps -o json | grep -q '"replicaCount": *3'
