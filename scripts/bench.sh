#!/usr/bin/env bash
# Runs every benchmark beside its baseline and writes docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "not implemented: benchmarks (each component issue adds its measurements here)" >&2
exit 1
