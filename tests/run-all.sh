#!/usr/bin/env bash
# Runs every test of the suite on a fresh machine: installs what the tests need, restores, builds, runs all test projects,
# and ends with one line "N passed, N failed" (", N skipped" when any). Exits non-zero when a test fails or none ran.
set -uo pipefail
cd "$(dirname "$0")/.."

bash tests/install-test-dependencies.sh || exit 1

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

dotnet restore AwsIntegrations.sln --verbosity quiet || exit 1
dotnet build AwsIntegrations.sln --no-restore --verbosity quiet -nologo || exit 1

dotnet test AwsIntegrations.sln --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  --blame-hang-timeout 5m
test_exit=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

# A crashed or hung test host leaves no counters for its failures: never let that read as green.
if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
  echo "dotnet test exited with $test_exit (a test host crashed or hung; see above)"
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"

[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
