#!/usr/bin/env bash
# Builds the event sources sample, lays its bootstrap out beside its template and serves it offline
# (docs/event-sources.md). Extra arguments go to `lambda-emulator serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product event-sources-sample
swift build -c release --product lambda-emulator
bin=$(swift build -c release --show-bin-path)
code=Fixtures/event-sources/.build/lambda/EventSourcesSample
mkdir -p "$code"
cp "$bin/event-sources-sample" "$code/bootstrap"
exec "$bin/lambda-emulator" serve --template Fixtures/event-sources/template.yaml \
  --data-dir .local-data/event-sources "$@"
