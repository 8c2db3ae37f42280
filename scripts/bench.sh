#!/usr/bin/env bash
# Runs every benchmark in bench/ beside its baseline and writes docs/benchmarks.md.
# Each bench/<component>.py writes its own section to docs/benchmarks/<component>.md; this script
# runs them in order and joins the sections. A component without a benchmark yet is listed as missing.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/benchmarks
bin=$(swift build -c release --show-bin-path)
status=0
for script in bench/*.py; do
  [ -e "$script" ] || continue
  name=$(basename "$script" .py)
  echo "bench: $name"
  if ! BENCH_BIN="$bin" .venv/bin/python "$script" "docs/benchmarks/$name.md"; then
    echo "bench: $name failed" >&2
    status=1
  fi
done
{
  echo "# Benchmarks"
  echo
  echo "Written by \`make bench\` on $(date -u +%Y-%m-%d) ($(nproc) cores). Every figure stands beside a baseline"
  echo "measured in the same run; the machine is noisy, so read ratios and medians."
  echo
  for section in docs/benchmarks/*.md; do
    [ -e "$section" ] || continue
    cat "$section"
    echo
  done
} > docs/benchmarks.md
exit $status
