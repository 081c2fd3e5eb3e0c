#!/usr/bin/env bash
# The one test command: installs the pinned validation clients, builds, and runs every test project.
# Extra arguments go to `dotnet test` (e.g. -- --filter-class "KubeMcp.Tests.Cluster.ApiExceptionTests").
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export KUBEMCP_VALIDATORS="$ROOT/.validators/bin"
bash eng/install-validators.sh "$ROOT/.validators" || { echo "test: installing the validation clients failed" >&2; exit 1; }
log="$(mktemp)"
dotnet test --solution KubeMcp.slnx "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# One closing line CI can read: the totals over every test project.
awk '/^  total:/{t+=$2} /^  failed:/{f+=$2} /^  succeeded:/{s+=$2} /^  skipped:/{k+=$2}
     END{ if (t > 0) printf "%d passed, %d failed, %d skipped\n", s, f, k }' "$log"
rm -f "$log"
exit "$status"
