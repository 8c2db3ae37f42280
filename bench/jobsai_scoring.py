"""Scoring throughput of JobsAI's ListingScorer beside the original's substring scorer, same run.

Builds the test bundle in release mode, runs ScoringBenchmark.measureThroughput (enabled by
JOBSAI_BENCH_OUT), and writes the section given as the first argument.
"""

import json
import sys
from pathlib import Path

from common import swift_test_json

ROOT = Path(__file__).resolve().parents[1]
TARGET = 200_000


def measure() -> dict:
    return swift_test_json(ROOT, "measureThroughput", "JOBSAI_BENCH_OUT")


def main() -> int:
    """Usage: jobsai_scoring.py SECTION.md [--from-json RESULT.json] (the latter formats an earlier run)."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/benchmarks/jobsai_scoring.md")
    if len(sys.argv) > 3 and sys.argv[2] == "--from-json":
        result = json.loads(Path(sys.argv[3]).read_text())
    else:
        result = measure()
    scorer = min(result["scorer_per_second"], result.get("scorer_with_preferences_per_second", float("inf")))
    baseline = result["baseline_per_second"]
    lines = [
        "## JobsAI scoring",
        "",
        f"{int(result['listings'])} generated listings (title plus about {int(result['average_bytes'])} bytes of ad text, "
        "English and Finnish), one profile of 8 skills; median of 5 passes.",
        "",
        "| scorer | listings/s | ratio |",
        "|---|---:|---:|",
        f"| ListingScorer (tokens, synonyms, Finnish forms, level, recency, breakdown) | {result['scorer_per_second']:,.0f} | {result['scorer_per_second'] / baseline:.2f}x |",
        *(
            [f"| ListingScorer with stated preferences (role family, location, exclusions) | {result['scorer_with_preferences_per_second']:,.0f} | {result['scorer_with_preferences_per_second'] / baseline:.2f}x |"]
            if "scorer_with_preferences_per_second" in result else []
        ),
        f"| baseline: the original's substring scorer (same listings) | {baseline:,.0f} | 1.00x |",
        "",
        f"Target: at least {TARGET:,} listings/s: {'met' if scorer >= TARGET else 'NOT met'}. "
        f"Per-profile setup (skill table with Finnish forms): {result['profile_setup_ms']:.1f} ms.",
        "",
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
