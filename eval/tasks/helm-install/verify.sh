#!/usr/bin/env bash
# The release is deployed, with the values the task asked for.
set -euo pipefail
helm status metrics -n monitoring -o json | grep -q '"status": *"deployed"'
helm get values metrics -n monitoring -o json | grep -q '"replicaCount": *2'
