# Screenwright — every entry point a developer or CI needs.
SHELL := /bin/bash
SWIFT ?= swift
export OMP_THREAD_LIMIT := 1
SAMPLE ?= samples/recordings/todo-add-items.mp4

.PHONY: deps build test demo bench samples eval eval-live eval-mockups design-fonts image push clean
IMAGE ?= registry.example.com/screenwright:1
ENGINE ?= $(shell command -v podman || command -v docker || echo podman)

deps:
	@bash .ci/deps.sh

build: deps
	$(SWIFT) build -c release --product vid2auto
	$(SWIFT) build -c release --product mockup2code

test: build
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	python3 -m pytest -q Tests/harness

demo: build
	@bash .ci/demo.sh "$(SAMPLE)"

bench: build
	python3 Tests/harness/bench.py

samples:
	@bash .ci/deps.sh --recorder
	python3 samples/recorder/record.py --all

eval: build
	python3 Tests/harness/eval.py

# Offline and --live side by side (each sample app served, vid2auto grounding in headless Chromium).
eval-live: build
	python3 Tests/harness/eval_live.py

# The fonts of the machine that drew the Design2Code images (DejaVu, and the web fonts their pages
# load), unpacked into .eval-out/design-fonts for the references' renders only: nothing is installed.
design-fonts: deps
	python3 Tests/harness/design_fonts.py --fetch

eval-mockups: build design-fonts
	python3 Tests/harness/eval_mockups.py --check-ratchet

# The container image of deploy/Containerfile (docs/scale-out.md): release binaries with the Swift
# runtime linked in statically, so the image needs Debian's libraries only.
image: deps
	$(SWIFT) build -c release --static-swift-stdlib --product vid2auto
	$(SWIFT) build -c release --static-swift-stdlib --product mockup2code
	$(ENGINE) build -f deploy/Containerfile -t $(IMAGE) .

push: image
	$(ENGINE) push $(IMAGE)

clean:
	rm -rf .build .eval-out
