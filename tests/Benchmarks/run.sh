#!/usr/bin/env bash
# One command measures the suite against its peers and writes the results page:
#   tests/Benchmarks/run.sh [router|kube2iam|dns|ingress|jobcleaner|kubernetes|all] [--quick]
# Each benchmark lives in tests/Benchmarks/<Name>Benchmarks/ (a console project, optionally with its own run.sh that installs
# what it needs; both take --quick anywhere on their command line). It prints its tables in Markdown and one line per headline
# figure (AwsIntegrations.Benchmarking.Summary):
#   SUMMARY|<benchmark>|<figure>|<ours>|<reference>|<ratio or goal>
# This script runs the selected benchmarks (Release builds), prints their output, rewrites tests/Benchmarks/RESULTS.md with
# every figure (machine, date, commit, command) and the summary tables between the BENCHMARKS markers of README.md (a run of
# all) and of each service's README (tests/Benchmarks/update-readmes.py).
set -uo pipefail
cd "$(dirname "$0")/../.."

which=${1:-all}
shift || true
quick=""
for arg in "$@"; do
  case "$arg" in
    --quick) quick="--quick" ;;
    *) echo "unknown option $arg (usage: tests/Benchmarks/run.sh [router|kube2iam|dns|ingress|jobcleaner|kubernetes|all] [--quick])" >&2; exit 2 ;;
  esac
done

declare -A projects=(
  [router]=RouterBenchmarks
  [kube2iam]=Kube2IamBenchmarks
  [dns]=DnsControllerBenchmarks
  [ingress]=IngressControllerBenchmarks
  [jobcleaner]=JobCleanerBenchmarks
  [kubernetes]=KubernetesBenchmarks
)
order=(router kube2iam dns ingress jobcleaner kubernetes)
if [ "$which" = "all" ]; then
  selected=("${order[@]}")
elif [ -n "${projects[$which]:-}" ]; then
  selected=("$which")
else
  echo "unknown benchmark '$which' (one of: ${order[*]} all)" >&2
  exit 2
fi

command -v wrk >/dev/null 2>&1 && command -v nginx >/dev/null 2>&1 && command -v haproxy >/dev/null 2>&1 || {
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing wrk, nginx, haproxy"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk nginx haproxy >/dev/null
  fi
}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
echo "building the benchmarks (Release)"
for name in "${selected[@]}"; do
  csproj="tests/Benchmarks/${projects[$name]}/${projects[$name]}.csproj"
  [ -f "$csproj" ] && { dotnet build -c Release -v q -nologo "$csproj" >"$out/build-$name.log" 2>&1 || { cat "$out/build-$name.log"; echo "build of $csproj failed" >&2; exit 1; }; }
done
for name in "${selected[@]}"; do
  project="tests/Benchmarks/${projects[$name]}"
  if [ ! -d "$project" ]; then
    echo "== $name: $project does not exist yet" | tee "$out/$name.txt"
    continue
  fi
  echo "== $name ($project)"
  began=$SECONDS
  if [ -f "$project/run.sh" ]; then
    bash "$project/run.sh" $quick 2>&1 | tee "$out/$name.txt"
  else
    dotnet run -c Release --no-build --project "$project" -- $quick 2>&1 | tee "$out/$name.txt"
  fi
  echo "($name took $((SECONDS - began)) s)" | tee -a "$out/$name.txt"

done

results=tests/Benchmarks/RESULTS.md
{
  echo "# Benchmark results"
  echo
  echo "Written by \`tests/Benchmarks/run.sh $which $quick\`; every ratio is measured in the same run, alternating the two sides."
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| date | $started |"
  echo "| commit | $commit |"
  echo "| machine | $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') |"
  echo "| load average at the start | $load_at_start |"
  echo "| wall time, builds included | $((SECONDS / 60)) min $((SECONDS % 60)) s |"
  echo
  echo "## Summary"
  echo
  echo "| benchmark | figure | ours | reference | ratio / goal |"
  echo "|---|---|---|---|---|"
  for name in "${selected[@]}"; do grep '^SUMMARY|' "$out/$name.txt" | sed 's/^SUMMARY//' | sed 's/$/|/'; done
  for name in "${selected[@]}"; do
    echo
    echo "## $name"
    echo
    grep -v '^SUMMARY|' "$out/$name.txt"
  done
} > "$results"

python3 tests/Benchmarks/update-readmes.py "${selected[@]}"
echo "wrote $results"
