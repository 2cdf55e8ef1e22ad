#!/usr/bin/env bash
# Installs what the tests need, idempotently: Debian's Chromium for the
# browser tests, and the npm packages (workerd, wrangler) for the edge tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
	echo "install-deps: installing chromium from Debian packages"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	apt-get install -y -qq chromium >/dev/null
fi

if [ -f cmd/lookout-edge/package-lock.json ] && [ ! -d cmd/lookout-edge/node_modules ]; then
	echo "install-deps: npm ci for the edge worker"
	(cd cmd/lookout-edge && npm ci --no-audit --no-fund --loglevel=error)
fi
