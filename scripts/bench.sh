#!/usr/bin/env bash
# Runs every benchmark in bench/ beside its baseline and writes docs/benchmarks.md.
# Each bench/<component>.py writes its own section to docs/benchmarks/<component>.md; this script
# runs them in order and joins the sections. `--join` only joins what was last measured.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/benchmarks
status=0
# `--join` only rebuilds docs/benchmarks.md from the sections already measured.
[ "${1:-}" = --join ] && set -- || bin=$(swift build -c release --show-bin-path)
for script in bench/*.py; do
  [ -n "${bin:-}" ] || break
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
