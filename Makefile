# One-command entry points. `make run` starts everything offline; `make test` is the one test command.
SHELL := /bin/bash
.DEFAULT_GOAL := help
SWIFT ?= swift
VENV := .venv
FUNCTIONS := APIFunction WorkerFunction

.PHONY: help deps build build-release test test-swift test-interop run bench package lint layout

help:
	@echo "make run      build everything and start the offline stack (lambda-emulator serve)"
	@echo "make test     install what is missing, build, run the Swift tests and the interop suite"
	@echo "make bench    measure against baselines and write docs/benchmarks.md"
	@echo "make package  build the Lambda zips under .build/lambda/"
	@echo "make lint     swift format lint with .swift-format"
	@echo "make deps     install missing Debian packages and the Python .venv"

deps:
	@./scripts/deps.sh

build: deps
	$(SWIFT) build --build-tests

build-release: deps
	$(SWIFT) build -c release

test: build test-swift test-interop

test-swift:
	$(SWIFT) test --skip-build

test-interop:
	$(VENV)/bin/pytest -q Tests/Interop

# Lays out each function as Lambda would see it: .build/lambda/<Function>/bootstrap.
layout: build-release
	@for f in $(FUNCTIONS); do \
	  mkdir -p .build/lambda/$$f && cp "$$($(SWIFT) build -c release --show-bin-path)/$$f" .build/lambda/$$f/bootstrap; \
	done

run: layout
	"$$($(SWIFT) build -c release --show-bin-path)/lambda-emulator" serve

bench: build-release
	@./scripts/bench.sh

package: build-release
	"$$($(SWIFT) build -c release --show-bin-path)/lambda-emulator" package

lint:
	$(SWIFT) format lint --strict --recursive --configuration .swift-format Sources Tests Package.swift
