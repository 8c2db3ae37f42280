"""Letter linter over the fixture corpus: rule violations in the offline writer's letters.

Builds the test bundle in release mode (the scratch folder bench/jobsai_scoring.py uses), runs
LetterBenchmark.lintTheCorpusLetters (enabled by JOBSAI_LETTERS_BENCH_OUT): three candidates, their ten best
corpus jobs, five style choices, three language choices. Writes the section given as the first argument.
"""

import json
import sys
from pathlib import Path

from common import swift_test_json

ROOT = Path(__file__).resolve().parents[1]


def measure() -> dict:
    return swift_test_json(ROOT, "lintTheCorpusLetters", "JOBSAI_LETTERS_BENCH_OUT")


def main() -> int:
    """Usage: jobsai_letters.py SECTION.md [--from-json RESULT.json] (the latter formats an earlier run)."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/benchmarks/jobsai_letters.md")
    if len(sys.argv) > 3 and sys.argv[2] == "--from-json":
        result = json.loads(Path(sys.argv[3]).read_text())
    else:
        result = measure()
    violations = result["violations"]
    total = sum(violations.values())
    lines = [
        "## JobsAI letter linter",
        "",
        f"{result['letters']} letters by the offline writer ({result['finnish']} in Finnish): three candidates, their ten "
        "best fixture-corpus jobs, five style choices, three language choices.",
        "",
        "| rule | violations |",
        "|---|---:|",
        *[f"| {rule} | {count} |" for rule, count in violations.items()],
        f"| **total** | **{total}** |",
        "",
        f"Baseline, same letters: the gap the previous writer chose (the scorer's first missing skill) is invented "
        f"in {result['old_invented_gaps']} of {result['old_gaps']} English letters that would have named one.",
        f"Time per letter: writing {result['write_us']:.0f} µs, linting {result['lint_us']:.0f} µs.",
        f"Target: zero violations: {'met' if total == 0 else 'NOT met'}.",
        "",
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
