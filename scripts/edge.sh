#!/usr/bin/env bash
# Lookout's Cloudflare Worker (cmd/lookout-edge): build, run, test, size.
#
#   bash scripts/edge.sh build   verify the demo list, build the worker wasm and its glue,
#                                assemble the static assets (make edge)
#   bash scripts/edge.sh dev     wrangler dev on 127.0.0.1 (make edge-dev; PORT=8787)
#   bash scripts/edge.sh test    start the worker locally, run the API and asset tests over
#                                real HTTP, measure latency, stop it (make edge-test)
#   bash scripts/edge.sh size    worker wasm raw/gzip/brotli and `wrangler deploy --dry-run`
#
# `build` needs web/build/app.wasm and wasm_exec.js and the demo list sources
# (make wasm bundle). Environment: LOOKOUT_EDGE_BUNDLE (a signed list to serve; default:
# an edge demo list built from the first LOOKOUT_EDGE_PERSONS=2000 persons and
# LOOKOUT_EDGE_DOCUMENTS=50000 document lookouts of the demo list, signed with the demo key),
# LOOKOUT_EDGE_TRUST (default lists/lookout-demo.key.pub), LATENCY_N (requests per endpoint,
# 350), LATENCY_N_STOCK (the same for syumai's stock glue, 20), PORT (dev, 8787).
# Nothing here talks to Cloudflare: wrangler's telemetry, update check and cf fetch are off.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
EDGE=$ROOT/cmd/lookout-edge
OUT=$EDGE/build
GO=${GO:-go}
BUNDLE=${LOOKOUT_EDGE_BUNDLE:-}
TRUST=${LOOKOUT_EDGE_TRUST:-$ROOT/lists/lookout-demo.key.pub}
# The edge demo list: the first persons and document lookouts of the demo
# list, so the worker fits Cloudflare's limits (the full 70,000-person demo
# bundle is over 30 MB: over the 10 MiB worker limit and the 25 MiB asset limit).
EDGE_PERSONS=${LOOKOUT_EDGE_PERSONS:-2000}
EDGE_DOCUMENTS=${LOOKOUT_EDGE_DOCUMENTS:-50000}
# 350 per endpoint: with the API tests, over the 1,000 requests after which
# worker.mjs retires an instance, so every test run goes through that path.
LATENCY_N=${LATENCY_N:-350}
LATENCY_N_STOCK=${LATENCY_N_STOCK:-20}
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_HIDE_BANNER=true
export WRANGLER_LOG_PATH=$OUT/logs

say() { printf 'edge: %s\n' "$*" >&2; }
die() { printf 'edge: FAIL: %s\n' "$*" >&2; exit 1; }

# npm_install runs `npm ci` unless node_modules already holds what
# package-lock.json pins (wrangler, workerd and its binary at the locked
# versions), so it is idempotent and cheap when nothing changed, including
# after scripts/install-deps.sh has run `npm ci` itself.
npm_install() {
	command -v npm >/dev/null || die "npm not found: install Node.js 20 (wrangler 4.86.0 needs Node >= 20.3)"
	if (cd "$EDGE" && node -e '
		const lock = require("./package-lock.json").packages;
		for (const p of ["node_modules/wrangler", "node_modules/workerd", "node_modules/@cloudflare/workerd-linux-64"]) {
			let have;
			try { have = require("./" + p + "/package.json").version; } catch { process.exit(1); }
			if (!lock[p] || lock[p].version !== have) process.exit(1);
		}' 2>/dev/null) && [ -x "$EDGE/node_modules/.bin/wrangler" ] && [ -x "$EDGE/node_modules/.bin/workerd" ]; then
		return
	fi
	say "npm ci (wrangler, workerd) in cmd/lookout-edge"
	(cd "$EDGE" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in cmd/lookout-edge"
}

# tool builds the native build helper (verify, headers) once per build.
tool() {
	"$GO" build -o "$OUT/tool/lookout-edge" "$EDGE" || die "building the native helper (go build ./cmd/lookout-edge)"
}

# edge_demo_list builds the default edge list from the demo list sources.
edge_demo_list() {
	local src=$ROOT/lists/demo/demo-list.csv docs=$ROOT/lists/demo/demo-documents.csv
	[ -s "$src" ] && [ -s "$docs" ] || die "missing lists/demo/demo-list.csv or demo-documents.csv: run \`make bundle\` first"
	mkdir -p "$OUT/list-src"
	# One record per line (the demo CSVs have no quoted newlines); keep the header row.
	head -n $((EDGE_PERSONS + 1)) "$src" >"$OUT/list-src/edge-list.csv"
	head -n $((EDGE_DOCUMENTS + 1)) "$docs" >"$OUT/list-src/edge-documents.csv"
	(cd "$ROOT" && "$GO" run ./cmd/lookout bundle build -o "$OUT/list-src/edge-demo.lkb" --key lists/lookout-demo.key \
		--env demo --list lookout-demo-edge --expires 8760h csv:"$OUT/list-src/edge-list.csv" documents:"$OUT/list-src/edge-documents.csv") >&2 ||
		die "building the edge demo list (lookout bundle build)"
	BUNDLE=$OUT/list-src/edge-demo.lkb
}

cmd_build() {
	local missing=()
	for f in "$ROOT/web/build/app.wasm" "$ROOT/web/build/wasm_exec.js"; do
		[ -s "$f" ] || missing+=("${f#"$ROOT"/}")
	done
	[ -s "$TRUST" ] || missing+=("${TRUST#"$ROOT"/}")
	[ ${#missing[@]} -eq 0 ] || die "missing ${missing[*]}: run \`make wasm bundle\` first (make edge-test does)"
	[ -z "$BUNDLE" ] || [ -s "$BUNDLE" ] || die "LOOKOUT_EDGE_BUNDLE=$BUNDLE: no such file"
	npm_install
	mkdir -p "$OUT"
	tool
	[ -n "$BUNDLE" ] || edge_demo_list

	# 1. The list: verified in full here, then embedded byte for byte.
	"$OUT/tool/lookout-edge" verify --trust "$TRUST" --out "$OUT" "$BUNDLE" >&2 || die "the list bundle did not verify; the worker was not built"

	# 2. syumai's glue (worker.mjs, runtime.mjs, its own wasm_exec.js).
	#    The generator empties its -o directory first: keep it separate.
	(cd "$EDGE" && "$GO" tool workers-assets-gen -mode=go -o "$OUT/glue") || die "workers-assets-gen"
	#    Our entry point keeps one Go instance per isolate (worker.mjs says why);
	#    the generated worker.mjs stays beside it for comparison (test, stock).
	cp "$EDGE/worker.mjs" "$OUT/glue/lookout.mjs"

	# 3. The worker wasm, with the trusted keys and the verified header's hash.
	local keys pin
	keys=$(grep -v '^[[:space:]]*#' "$TRUST" | grep -v '^[[:space:]]*$' | paste -sd, -)
	pin=$(cat "$OUT/list.pin")
	GOOS=js GOARCH=wasm "$GO" build -trimpath \
		-ldflags="-s -w -X main.trustedKeys=$keys -X main.pinnedHeader=$pin" \
		-o "$OUT/glue/app.wasm" "$EDGE" || die "GOOS=js GOARCH=wasm go build ./cmd/lookout-edge"

	# 4. The static assets: web/ as the page expects it, web/build/ under build/.
	rm -rf "$OUT/assets"
	mkdir -p "$OUT/assets/build"
	(cd "$ROOT/web" && find . -path ./build -prune -o -type f ! -name '*.go' ! -name '.*' -print0 |
		xargs -0 -I{} cp --parents {} "$OUT/assets/")
	(cd "$ROOT/web/build" && find . -type f ! -name '.*' ! -name list.lkb -print0 | xargs -0 -I{} cp --parents {} "$OUT/assets/build/")
	cp "$OUT/list.lkb" "$OUT/assets/build/list.lkb" # the very bytes verified above
	"$OUT/tool/lookout-edge" headers >"$OUT/assets/_headers" || die "generating _headers"
	say "built $(du -b "$OUT/glue/app.wasm" | cut -f1) byte worker wasm; assets in ${OUT#"$ROOT"/}/assets"
}

need_build() {
	[ -s "$OUT/glue/app.wasm" ] && [ -s "$OUT/glue/worker.mjs" ] && [ -d "$OUT/assets" ] ||
		die "the worker is not built: run \`bash scripts/edge.sh build\` (make edge)"
	npm_install
}

free_port() {
	node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

cmd_dev() {
	need_build
	cd "$EDGE"
	exec node_modules/.bin/wrangler dev --ip 127.0.0.1 --port "${PORT:-8787}" --log-level "${LOG_LEVEL:-info}"
}

PIDS=()
SID=
cleanup() {
	local pid
	for pid in "${PIDS[@]}"; do
		# Each server runs in its own session (setsid): stop the whole group,
		# wrangler's workerd children included, and nothing else.
		kill -TERM -- "-$pid" 2>/dev/null || true
	done
	for pid in "${PIDS[@]}"; do
		for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		kill -KILL -- "-$pid" 2>/dev/null || true
	done
	PIDS=()
}

# wait_health URL LOG: poll /v1/health for up to 60 s. The first answer
# starts the Go instance and opens the list: its time is the cold start.
wait_health() {
	local url=$1 log=$2 t
	for _ in $(seq 600); do
		if t=$(curl -fsS -o /dev/null -w '%{time_total}' --max-time 20 "$url/v1/health" 2>/dev/null); then
			printf '  first /v1/health (cold: Go instance start and list open): %s s\n' "$t"
			return 0
		fi
		sleep 0.1
	done
	tail -40 "$log" >&2 || true
	die "the worker did not answer $url/v1/health within 60 s (log above: ${log#"$ROOT"/})"
}

# workerd_config PORT ENTRY: the worker alone, straight on workerd (no
# assets, no wrangler proxy): the cleanest per-request figure. ENTRY is
# lookout.mjs (ours, as deployed) or worker.mjs (syumai's stock glue). The
# worker gets LOOKOUT_ALLOWED_ORIGINS=$TEST_ORIGIN as a wrangler [vars] entry would.
TEST_ORIGIN=https://desk.example
workerd_config() {
	cat <<EOF
using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .lookout) ],
  sockets = [ (name = "http", address = "127.0.0.1:$1", http = (), service = "main") ] );
const lookout :Workerd.Worker = (
  modules = [ (name = "$2", esModule = embed "glue/$2"),
              (name = "wasm_exec.js", esModule = embed "glue/wasm_exec.js"),
              (name = "runtime.mjs", esModule = embed "glue/runtime.mjs"),
              (name = "app.wasm", wasm = embed "glue/app.wasm") ],
  bindings = [ (name = "LOOKOUT_ALLOWED_ORIGINS", text = "$TEST_ORIGIN") ],
  compatibilityDate = "2026-04-26" );
EOF
}

# session_cpu: CPU time (clock ticks) used so far by every process of the
# session $SID, i.e. the server we started and all its children.
session_cpu() {
	local total=0 f st a
	for f in /proc/[0-9]*/stat; do
		st=$(cat "$f" 2>/dev/null) || continue
		st=${st##*) } # fields after "pid (comm) ": state ppid pgrp session ... utime(12) stime(13)
		read -r -a a <<<"$st"
		if [ "${a[3]}" = "$SID" ]; then total=$((total + a[11] + a[12])); fi
	done
	echo "$total"
}

# start_server DIR LOG CMD...: start CMD in DIR in a session of its own.
start_server() {
	local dir=$1 log=$2
	shift 2
	(cd "$dir" && exec setsid "$@" </dev/null >"$log" 2>&1) &
	PIDS+=($!)
	SID=$!
}

# latency NAME URL [N]: the bounded latency run, one endpoint at a time,
# with the server's CPU per request (whole process tree, warm-up included).
latency() {
	local name=$1 url=$2 n=${3:-$LATENCY_N} before after path
	local reqs=$((n + 10)) hz
	hz=$(getconf CLK_TCK)
	for path in /v1/health /v1/check /v1/match; do
		before=$(session_cpu)
		LOOKOUT_EDGE_URL=$url LOOKOUT_LATENCY_N=$n LOOKOUT_LATENCY_PATH=$path "$GO" test -count=1 -run 'TestLatency' -v "$ROOT/internal/api" >"$OUT/logs/latency-$name.txt" 2>&1 ||
			{ cat "$OUT/logs/latency-$name.txt" >&2; die "latency run ($name $path)"; }
		after=$(session_cpu)
		printf '  %s: %s; server CPU %s ms/request\n' "$name" "$(grep -o 'latency .*' "$OUT/logs/latency-$name.txt" | sed 's/^latency //')" \
			"$(awk -v t=$((after - before)) -v hz="$hz" -v n=$reqs 'BEGIN { printf "%.2f", t * 1000 / hz / n }')"
	done
}

cmd_test() {
	need_build
	# The Go tests read the list the worker embeds (to pick a listed person).
	export LOOKOUT_EDGE_BUNDLE=$OUT/list.lkb LOOKOUT_EDGE_TRUST=$TRUST
	trap cleanup EXIT INT TERM
	local port url log entry
	local -a skip
	mkdir -p "$OUT/logs"

	# 1. wrangler dev: the assets with their _headers and the worker, as deployed.
	port=$(free_port)
	url=http://127.0.0.1:$port
	log=$OUT/logs/wrangler-dev.log
	say "starting wrangler dev on $url"
	start_server "$EDGE" "$log" node_modules/.bin/wrangler dev --ip 127.0.0.1 --port "$port" --log-level warn
	wait_health "$url" "$log"
	say "API and asset tests against wrangler dev ($url)"
	LOOKOUT_EDGE_URL=$url "$GO" test -count=1 -run 'TestLive' -v "$ROOT/internal/api" || die "API tests against the worker (wrangler dev)"
	(cd "$EDGE" && LOOKOUT_EDGE_URL=$url "$GO" test -count=1 -run 'TestDeployed' -v .) || die "asset tests against the worker (wrangler dev)"
	latency wrangler-dev "$url"
	cleanup

	# 2. workerd alone: our glue (as deployed), then syumai's stock glue
	#    (a new Go instance per request: slow, so fewer requests).
	for entry in lookout.mjs worker.mjs; do
		port=$(free_port)
		url=http://127.0.0.1:$port
		log=$OUT/logs/workerd-$entry.log
		workerd_config "$port" "$entry" >"$OUT/workerd-$entry.capnp"
		say "starting workerd ($entry) on $url"
		start_server "$OUT" "$log" "$EDGE/node_modules/.bin/workerd" serve "workerd-$entry.capnp"
		wait_health "$url" "$log"
		# The stock glue starts a Go instance per request: with 8 clients at
		# once workerd dropped connections (EOF) here, so it is only compared
		# on sequential requests.
		skip=()
		if [ "$entry" = worker.mjs ]; then skip=(-skip '^TestLiveConcurrent'); fi
		LOOKOUT_EDGE_URL=$url LOOKOUT_EDGE_ORIGIN=$TEST_ORIGIN "$GO" test -count=1 -run 'TestLive' "${skip[@]}" "$ROOT/internal/api" ||
			die "API tests against the worker (workerd, $entry)"
		if [ "$entry" = worker.mjs ]; then latency "workerd-$entry" "$url" "$LATENCY_N_STOCK"; else latency "workerd-$entry" "$url"; fi
		cleanup
	done
	trap - EXIT INT TERM

	# 3. The native handler (httptest on 127.0.0.1), the same requests.
	LOOKOUT_LATENCY_N=$LATENCY_N "$GO" test -count=1 -run 'TestLatency' -v "$ROOT/internal/api" >"$OUT/logs/latency-native.txt" 2>&1 ||
		{ cat "$OUT/logs/latency-native.txt" >&2; die "latency run (native)"; }
	grep -o 'latency .*' "$OUT/logs/latency-native.txt" | sed "s/^/  native: /"
	say "edge tests passed"
}

cmd_size() {
	need_build
	node -e '
		const fs = require("fs"), zlib = require("zlib");
		const gz = (b) => zlib.gzipSync(b, {level: 9}).length;
		const br = (b) => zlib.brotliCompressSync(b, {params: {[zlib.constants.BROTLI_PARAM_QUALITY]: 11}}).length;
		const w = fs.readFileSync(process.argv[1]), l = fs.readFileSync(process.argv[2]);
		console.log(`worker wasm: ${w.length} B raw, ${gz(w)} B gzip -9, ${br(w)} B brotli`);
		console.log(`  of which the embedded list: ${l.length} B raw, ${gz(l)} B gzip -9`);
	' "$OUT/glue/app.wasm" "$OUT/list.lkb"
	rm -rf "$EDGE/dist"
	local line kib
	line=$(cd "$EDGE" && node_modules/.bin/wrangler deploy --dry-run --outdir dist 2>&1 | grep 'Total Upload') ||
		die "wrangler deploy --dry-run printed no size"
	echo "wrangler deploy --dry-run: ${line#*Total Upload: }"
	kib=$(sed -n 's/.*gzip: \([0-9.]*\) KiB.*/\1/p' <<<"$line")
	awk -v k="$kib" 'BEGIN {
		if (k <= 3072) printf "fits the free plan (3 MiB = 3072 KiB compressed; %.0f KiB to spare)\n", 3072 - k;
		else if (k <= 10240) printf "over the free plan (3072 KiB); fits the paid plan (10 MiB = 10240 KiB compressed)\n";
		else { printf "over the paid plan too (10240 KiB compressed): use a smaller list\n"; exit 1 }
	}' || die "the worker is too large for Cloudflare"
}

case "${1:-}" in
build) cmd_build ;;
dev) cmd_dev ;;
test) cmd_test ;;
size) cmd_size ;;
*)
	echo "usage: bash scripts/edge.sh build|dev|test|size" >&2
	exit 2
	;;
esac
