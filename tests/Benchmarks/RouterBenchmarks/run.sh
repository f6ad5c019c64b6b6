#!/usr/bin/env bash
# Router benchmarks: the Router beside nginx and haproxy (wrk), the route table at 10 to 10,000 Ingresses, and a rollout under load.
# Usage: tests/Benchmarks/RouterBenchmarks/run.sh [table|http|rollout|all] [--quick] [--name value ...]   (arguments in any order)
# Prints Markdown on standard output (tests/Benchmarks/run.sh copies it into RESULTS.md); build and child-process logs go to stderr.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

missing=""
for tool in wrk nginx haproxy; do command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"; done
if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "missing:$missing (install them: apt-get install$missing)" >&2
    exit 1
  fi
  echo "installing$missing" >&2
  { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing; }; } >&2
fi

# The Router runs with the gen0 budget deploy/base/router/daemonset.yaml gives it; the in-process route-table build and every
# .NET process of the benchmark (the Router, the Kestrel pods) get the same.
export DOTNET_GCgen0size=0x4000000

# Build unless the Release output is newer than every source it comes from (tests/Benchmarks/run.sh has just built it).
dll="$here/bin/Release/net10.0/RouterBenchmarks.dll"
root="$here/../../.."
if [ ! -f "$dll" ] || [ -n "$(find "$here" "$root/services/Router" "$root/shared" "$root/tests/AwsIntegrations.Emulators" \
    "$root/tests/AwsIntegrations.Testing" "$here/../AwsIntegrations.Benchmarking" -path '*/bin' -prune -o -path '*/obj' -prune -o \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -newer "$dll" -print -quit)" ]; then
  log=$(mktemp)
  dotnet build -c Release -v q -nologo "$here/RouterBenchmarks.csproj" >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; exit 1; }
  rm -f "$log"
fi

# The Router as the image publishes it (Dockerfile.base: ReadyToRun for this machine's runtime), for the first-table figure.
r2r="$here/bin/ReadyToRun/Router.dll"
if [ ! -f "$r2r" ] || [ -n "$(find "$root/services/Router" "$root/shared" -path '*/bin' -prune -o -path '*/obj' -prune -o \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -newer "$r2r" -print -quit)" ]; then
  rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
  log=$(mktemp)
  if ! dotnet publish "$root/services/Router/Router.csproj" -c Release -o "$here/bin/ReadyToRun" -r "$rid" --no-self-contained \
      -p:PublishReadyToRun=true -p:UseAppHost=true -p:DebugType=none -p:InvariantGlobalization=true -v q -nologo >"$log" 2>&1; then
    echo "ReadyToRun publish failed; the first-table figure will be the JIT's only:" >&2; cat "$log" >&2
  fi
  rm -f "$log"
fi
[ -f "$r2r" ] && export ROUTER_READY_TO_RUN_DLL="$r2r"

exec dotnet "$dll" "$@"
