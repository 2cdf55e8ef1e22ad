# Lookout. The two commands: `make run` and `make test`. Everything else is
# a step they use. Every step installs what it needs, idempotently.
SHELL := /bin/bash
GO ?= go
GOROOT_WASM := $(shell $(GO) env GOROOT)/lib/wasm
BIN := bin/lookout
ADDR ?= 127.0.0.1:8080

# The demo list: a deterministic 70,000-person list plus 1,000,000 lost or
# stolen document numbers, signed with the demo key shipped in lists/.
DEMO_KEY := lists/lookout-demo.key
DEMO_PUB := lists/lookout-demo.key.pub
DEMO_SRC := lists/demo/demo-list.csv
DEMO_DOCS := lists/demo/demo-documents.csv
BUNDLE := web/build/list.lkb
# Each demo build gets a higher sequence number (its build time), so hosts
# that keep a rollback floor accept the rebuilt list instead of refusing
# the same seq with other content.
DEMO_SEQ = $(shell date +%s)

WASM_FLAGS := -trimpath -ldflags='-s -w -X main.trustedKeys=$(shell cat $(DEMO_PUB) 2>/dev/null)'

.PHONY: run test build wasm bundle demo-list deps lint unit wasm-test e2e edge edge-dev edge-test release bench clean

run: bundle build
	$(BIN) serve --addr $(ADDR) --bundle $(BUNDLE) --trust $(DEMO_PUB)

test: deps lint wasm bundle build unit wasm-test edge-test
	@echo "make test: all suites passed"

deps:
	@bash scripts/install-deps.sh

lint:
	$(GO) vet ./...
	$(GO) tool staticcheck ./...
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi

# The page's wasm and its glue; then the native binary, which embeds them.
wasm:
	@mkdir -p web/build
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o web/build/app.wasm ./wasm
	cp $(GOROOT_WASM)/wasm_exec.js web/build/wasm_exec.js

build: wasm
	$(GO) build -trimpath -ldflags='-X main.trustedKeys=$(shell cat $(DEMO_PUB) 2>/dev/null)' -o $(BIN) ./cmd/lookout

# Rebuilt when the generator or any engine source changes (the index
# formats live in the engine).
ENGINE_SRC := $(shell find internal cmd/lookout -name '*.go' -not -name '*_test.go' 2>/dev/null)
DEMO_GEN_SRC := $(shell find internal/demolist -name '*.go' -not -name '*_test.go' 2>/dev/null)

demo-list: $(DEMO_SRC)
$(DEMO_SRC) $(DEMO_DOCS) &: $(DEMO_GEN_SRC)
	@mkdir -p lists/demo
	$(GO) run ./cmd/lookout demo-list -o $(DEMO_SRC) --documents $(DEMO_DOCS)

bundle: $(BUNDLE)
$(BUNDLE): $(DEMO_SRC) $(DEMO_DOCS) $(ENGINE_SRC)
	@mkdir -p web/build
	$(GO) run ./cmd/lookout bundle build -o $(BUNDLE) --key $(DEMO_KEY) --env demo --list lookout-demo --expires 8760h --seq $(DEMO_SEQ) \
		csv:$(DEMO_SRC) documents:$(DEMO_DOCS)

unit:
	$(GO) test -count=1 ./...

# Engine tests compiled to wasm and run under Node.
wasm-test:
	PATH="$$PATH:$(GOROOT_WASM)" GOOS=js GOARCH=wasm $(GO) test -count=1 ./internal/... ./wasm

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./internal/...

edge:
	bash scripts/edge.sh build

edge-dev: edge
	bash scripts/edge.sh dev

edge-test: edge
	bash scripts/edge.sh test

release: wasm
	@mkdir -p dist
	for t in linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64; do \
		os=$${t%/*}; arch=$${t#*/}; ext=; [ $$os = windows ] && ext=.exe; \
		GOOS=$$os GOARCH=$$arch CGO_ENABLED=0 $(GO) build -trimpath -ldflags='-s -w' -o dist/lookout-$$os-$$arch$$ext ./cmd/lookout || exit 1; \
	done

clean:
	rm -rf bin dist artifacts web/build/*.wasm web/build/*.js web/build/*.lkb lists/demo/*.csv cmd/lookout-edge/build
