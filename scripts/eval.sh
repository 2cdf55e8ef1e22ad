#!/usr/bin/env bash
# Matching evaluation: recall per kind, false-positive rate, time per query
# and index size on the UN and OFAC lists (from ../shared, skipped when
# absent) and the 70,000-person demo list, next to a watchman-style
# baseline. Usage: scripts/eval.sh [LISTS] [QUERIES-PER-KIND] [BASELINE-QUERIES-PER-KIND]
#   LISTS defaults to un,ofac,demo; e.g. scripts/eval.sh un 200 50
set -euo pipefail
cd "$(dirname "$0")/.."
lists=${1:-un,ofac,demo}
n=${2:-400}
base=${3:-100}
exec go test ./internal/watchlist -run 'TestEval' -count=1 -timeout 60m -v \
	-eval -eval.lists="$lists" -eval.n="$n" -eval.baseline="$base" 2>&1 |
	sed -n 's/^ *eval_test.go:[0-9]*: //p; s/^        //p'
