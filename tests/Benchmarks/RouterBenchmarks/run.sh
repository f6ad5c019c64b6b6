#!/usr/bin/env bash
# Router benchmarks: route-table build/lookup at 10 / 1,000 / 10,000 Ingresses, then wrk through the Router vs through nginx.
# Usage: tests/Benchmarks/RouterBenchmarks/run.sh [table|http|all] [--duration 10s] [--rounds 3] [--connections 64]
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
fi
dotnet build -c Release RouterBenchmarks.csproj >/dev/null
exec dotnet bin/Release/net10.0/RouterBenchmarks.dll "${@:-all}"
