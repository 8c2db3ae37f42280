"""JobsAI end-to-end job benchmark: wall time of an offline job through `lambda-emulator serve`.

Writes the section given as argv[1] (docs/benchmarks/jobsai_pipeline.md). Binaries come from BENCH_BIN (the
release build, as scripts/bench.sh sets it) or the debug build. One `serve` hosts APIFunction and
WorkerFunction with LocalDynamo, LocalS3 and the fixture boards (600 generated listings); the writer is the
offline one. Each job is started with POST /api/start (the questionnaire's default answers with 10 letters and a
Python/web profile) and timed until GET /api/progress reports `complete` (polled every 10 ms). Figures:
- deep mode Yes (every listing's page read) and, as a baseline from the same run, deep mode No;
- the first job of the run includes spawning the worker (cold); the median is over warm jobs.
Target: under 2 s per job.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import boto3
import requests
from botocore.config import Config

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 2.0
RUNS = int(os.environ.get("BENCH_JOBS", "5"))
TABLE, BUCKET = "jobsai-jobs", "jobsai-documents"


def answers(deep: str) -> dict:
    return {
        "general": [
            {"job-level": ["Expert-level"]}, {"job-boards": ["Duunitori", "Jobly"]}, {"deep-mode": deep},
            {"cover-letter-num": 10}, {"cover-letter-style": ["Professional"]},
        ],
        "languages": [{"python": 7}, {"javascript": 5}, {"sql": 6}, {"typescript": 4}],
        "web-frameworks": [{"django": 5}, {"react": 4}],
        "databases": [{"postgresql": 6}],
        "cloud-development": [{"docker": 5}, {"amazon-web-services-aws": 3}],
        "additional-info": [{"additional-info": "I build reliable web services. I enjoy mentoring and clean code."}],
    }


def binaries() -> Path:
    if os.environ.get("BENCH_BIN"):
        return Path(os.environ["BENCH_BIN"])
    out = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True)
    return Path(out.stdout.strip())


def client(service: str, port: int):
    return boto3.client(
        service, endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1", aws_access_key_id="test",
        aws_secret_access_key="test", config=Config(s3={"addressing_style": "path"}),
    )


def start_stack(bin_dir: Path, root: Path, extra_args: tuple = ()):
    functions = []
    for name in ("APIFunction", "WorkerFunction"):
        (root / name).mkdir(parents=True)
        (root / name / "bootstrap").symlink_to(bin_dir / name)
        functions += ["--function", f"{name}={root / name}"]
    env_file = root / "env.json"
    env_file.write_text(json.dumps({"Parameters": {
        "DYNAMODB_TABLE_NAME": TABLE, "S3_DOCUMENTS_BUCKET": BUCKET, "LLM_PROVIDER": "offline",
        "RATE_LIMIT_REQUESTS": "1000", "LOG_LEVEL": "warning",
    }}))
    args = [
        str(bin_dir / "lambda-emulator"), "serve", "--port", "0", "--gateway-port", "0", "--dynamo-port", "0",
        "--s3-port", "0", "--boards-port", "0", "--data-dir", str(root / "data"), "--timeout", "120",
        "--gateway-function", "APIFunction", "--env-vars", str(env_file), *functions, *extra_args,
    ]
    env = {**os.environ, "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_REGION": "us-east-1"}
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    ports = json.loads(process.stdout.readline())
    client("dynamodb", ports["dynamo"]).create_table(
        TableName=TABLE, KeySchema=[{"AttributeName": "job_id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "job_id", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST",
    )
    client("s3", ports["s3"]).create_bucket(Bucket=BUCKET)
    return process, f"http://127.0.0.1:{ports['gateway']}"


def run_job(session, url: str, body: dict) -> tuple:
    started = time.perf_counter()
    response = session.post(f"{url}/api/start", json=body, timeout=60)
    response.raise_for_status()
    job_id = response.json()["job_id"]
    while True:
        progress = session.get(f"{url}/api/progress/{job_id}", timeout=60).json()
        if progress["status"] not in ("queued", "running", "cancelling"):
            break
        time.sleep(0.01)
    elapsed = time.perf_counter() - started
    if progress["status"] != "complete":
        raise RuntimeError(f"job ended {progress['status']}: {progress.get('error')}")
    return elapsed, progress


def measure() -> dict:
    bin_dir = binaries()
    with tempfile.TemporaryDirectory() as folder:
        process, url = start_stack(bin_dir, Path(folder))
        try:
            session = requests.Session()
            result = {"binaries": str(bin_dir)}
            for deep in ("Yes", "No"):
                times, last = [], None
                for _ in range(RUNS + 1):
                    elapsed, last = run_job(session, url, answers(deep))
                    times.append(elapsed)
                result[deep] = {
                    "cold": times[0], "median": statistics.median(times[1:]), "max": max(times[1:]),
                    "letters": len(last["letters"]), "listings": last["counts"]["listings_found"],
                    "queries": last["counts"]["queries_done"],
                }
            return result
        finally:
            process.terminate()
            process.wait(timeout=30)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/benchmarks/jobsai_pipeline.md")
    result = measure()
    deep, light = result["Yes"], result["No"]
    build = "release" if "release" in result["binaries"] else "debug"
    lines = [
        "## JobsAI end-to-end job",
        "",
        f"One offline job through `lambda-emulator serve` ({build} build): POST /api/start until GET /api/progress "
        f"reports `complete`; default answers with 10 letters, both boards, fixture corpus of 600 listings, offline "
        f"writer, letters and zip stored in LocalS3. Median of {RUNS} warm jobs; the first job of each kind includes "
        "spawning the worker.",
        "",
        "| job | queries | listings | letters | median s | max s | first (cold) s |",
        "|---|---:|---:|---:|---:|---:|---:|",
        f"| deep mode Yes (every ad's page read) | {deep['queries']} | {deep['listings']} | {deep['letters']} | "
        f"{deep['median']:.2f} | {deep['max']:.2f} | {deep['cold']:.2f} |",
        f"| baseline: deep mode No (results pages only) | {light['queries']} | {light['listings']} | "
        f"{light['letters']} | {light['median']:.2f} | {light['max']:.2f} | {light['cold']:.2f} |",
        "",
        f"Target: under {TARGET_SECONDS:.0f} s per job: {'met' if deep['median'] < TARGET_SECONDS else 'NOT met'}.",
        "",
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
