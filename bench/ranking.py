"""JobsAI ranking quality end to end: each candidate of Fixtures/ranking through `lambda-emulator serve`.

Writes the section given as argv[1] (docs/benchmarks/ranking.md). The fixture boards serve the evaluation
set (`--boards-corpus Fixtures/ranking`: 126 labelled English and Finnish listings); each candidate's payload
is started with POST /api/start (deep mode, 5 letters) and polled until `complete`. The job's five chosen
jobs are its top 5: precision@5 counts labels 1 and 2, nDCG@5 uses gains 2^label - 1 against the set's best
five. Baseline, on the same fetched listings (every listing containing all words of one of the job's
queries, as the fixture boards search): the original's scorer (the share of the person's technology keys
found as lower-case substrings of title + description, stable sort). Target: precision@5 >= 0.9 for every
candidate.
"""

import json
import math
import sys
import tempfile
from pathlib import Path

import requests

from jobsai_pipeline import ROOT, binaries, run_job, start_stack

SET = ROOT / "Fixtures" / "ranking"
TARGET = 0.9


def ndcg(labels: list, ideal: list) -> float:
    def dcg(values):
        return sum((2 ** label - 1) / math.log2(index + 2) for index, label in enumerate(values[:5]))

    best = dcg(sorted(ideal, reverse=True))
    return dcg(labels) / best if best else 0.0


def precision(labels: list) -> float:
    return sum(1 for label in labels[:5] if label > 0) / 5


def fetched(listings: list, queries: list) -> list:
    """What the fixture boards return for the queries: every query word in the listing's text."""
    found = []
    for listing in listings:
        text = " ".join([listing["title"], listing["location"], listing["company"], listing["description"]]).lower()
        words = [[w for w in q.lower().replace("-", " ").replace(",", " ").replace("+", " ").split()] for q in queries]
        if any(all(w in text for w in ws) for ws in words):
            found.append(listing)
    return found


def original_techs(payload: dict) -> list:
    """The original's flattening: every technology key with a value above 0, in payload order."""
    techs = []
    for name, items in payload.items():
        if name in ("general", "additional-info", "about-you"):
            continue
        for item in items:
            for key, value in item.items():
                if (isinstance(value, int) and value > 0) or isinstance(value, str):
                    techs.append(key)
    return techs


def original_rank(listings: list, techs: list) -> list:
    def score(listing):
        text = (listing["title"] + " None " + listing["description"]).lower()
        return len([t for t in techs if t.lower() in text]) * 100 // max(1, len(techs))

    return sorted(listings, key=lambda listing: -score(listing))  # stable: ties keep search order


def measure() -> dict:
    listings = json.loads((SET / "listings.json").read_text())["listings"]
    results = {}
    bin_dir = binaries()
    with tempfile.TemporaryDirectory() as folder:
        process, url = start_stack(bin_dir, Path(folder), ("--boards-corpus", str(SET)))
        try:
            session = requests.Session()
            for path in sorted((SET / "candidates").glob("*.json")):
                name = path.stem
                payload = json.loads(path.read_text())
                for item in payload["general"]:
                    if "cover-letter-num" in item:
                        item["cover-letter-num"] = 5
                _, progress = run_job(session, url, payload)
                label = {listing["slug"]: listing["relevance"].get(name, 0) for listing in listings}
                chosen = [label.get(job["url"].rstrip("/").split("/")[-1], 0) for job in progress["jobs"]]
                queries = [query["text"] for query in progress["profile_summary"]["queries"]]
                baseline = [listing["relevance"].get(name, 0)
                            for listing in original_rank(fetched(listings, queries), original_techs(payload))]
                ideal = [listing["relevance"].get(name, 0) for listing in listings]
                results[name] = {
                    "precision": precision(chosen), "ndcg": ndcg(chosen, ideal),
                    "baseline_precision": precision(baseline), "baseline_ndcg": ndcg(baseline, ideal),
                    "understood": progress["profile_summary"]["understood"], "queries": len(queries),
                    "listings": progress["counts"]["listings_found"],
                }
        finally:
            process.terminate()
            process.wait(timeout=30)
    return {"build": "release" if "release" in str(bin_dir) else "debug", "candidates": results}


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/benchmarks/ranking.md")
    measured = measure()
    results = measured["candidates"]
    lines = [
        "## JobsAI ranking quality",
        "",
        "Each candidate of `Fixtures/ranking` (3 payloads, 126 labelled listings in English and Finnish) as a job "
        f"through `lambda-emulator serve --boards-corpus Fixtures/ranking` ({measured['build']} build): start, "
        "scrape (deep mode), score; the "
        "job's five chosen jobs are its top 5. Baseline: the original's substring scorer on the listings the same "
        "queries fetch.",
        "",
        "| candidate | queries | listings | precision@5 | nDCG@5 | baseline precision@5 | baseline nDCG@5 | understood |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['queries']} | {r['listings']} | {r['precision']:.2f} | {r['ndcg']:.2f} | "
            f"{r['baseline_precision']:.2f} | {r['baseline_ndcg']:.2f} | {'; '.join(r['understood'])} |")
    met = all(r["precision"] >= TARGET for r in results.values())
    lines += ["", f"Target: precision@5 >= {TARGET} for every candidate: {'met' if met else 'NOT met'}.", ""]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines))
    print("\n".join(lines))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
