#!/usr/bin/env bash
# Fuzzing: FILES damaged CSV/XLSX exports through the inbox handler (the test FuzzTest), one by one.
# Usage: bench/fuzz.sh [FILES] [SEED]   (default 1000 files and the test's fixed seed). See bench/README.md.
set -euo pipefail

FILES=${1:-1000}
SEED=${2:-}
[[ $FILES =~ ^[1-9][0-9]*$ && ( -z $SEED || $SEED =~ ^-?[0-9]+$ ) ]] || {
    echo "usage: $0 [FILES] [SEED]   (default 1000 and the test's fixed seed)" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MVN=${MVN:-mvn}                      # MVN="mvn -o": offline
command -v "${MVN%% *}" >/dev/null || { echo "missing ${MVN%% *}" >&2; exit 2; }

cd "$ROOT"
LOG=$(mktemp "${TMPDIR:-/tmp}/perfeval-fuzz.XXXXXX.log")
start=$(date +%s.%N)
STATUS=0
# shellcheck disable=SC2086  # MVN may hold options
$MVN -B -q test -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dperfeval.fuzz.files="$FILES" \
    ${SEED:+-Dperfeval.fuzz.seed="$SEED"} >"$LOG" 2>&1 || STATUS=$?
elapsed=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')

grep -a -o 'fuzz: .*' "$LOG" || true
echo "wall time ${elapsed} s (Maven, compilation and JVM start included)"
if [[ $STATUS != 0 ]]; then
    grep -a -E 'AssertionFailedError|expected:|took longer' "$LOG" | head -n 5 >&2 || true
    echo "FAILED: see $LOG and target/surefire-reports/" >&2
    exit 1
fi
rm -f "$LOG"
