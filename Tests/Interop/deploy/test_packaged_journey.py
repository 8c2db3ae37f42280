"""The packaged functions (`lambda-emulator package`) under `serve --packaged --template template.yaml` pass the
API journey: start -> complete -> download, on the fixture boards with the offline writer."""

import time

import pytest
import requests

from deploy_helpers import Serve, project_copy, resources

ANSWERS = {
    "general": [
        {"job-level": ["Expert-level", "Intermediate"]},
        {"job-boards": ["Duunitori", "Jobly"]},
        {"deep-mode": "Yes"},
        {"cover-letter-num": 2},
        {"cover-letter-style": ["Professional", "Friendly"]},
    ],
    "languages": [{"python": 7}, {"javascript": 5}, {"sql": 6}],
    "web-frameworks": [{"django": 5}, {"react": 4}],
    "additional-info": [{"additional-info": "I build reliable web services and enjoy mentoring."}],
}
FINAL = {"cancelled", "complete", "error", "timed_out"}


@pytest.fixture(scope="module")
def packaged_project(packages, tmp_path_factory):
    """A project folder holding template.yaml and only the zips (no CodeUri folders)."""
    functions = sorted(resources("AWS::Serverless::Function"))
    return project_copy(
        tmp_path_factory.mktemp("project"),
        {f".build/lambda/{name}.zip": packages / f"{name}.zip" for name in functions},
    )


def test_packaged_functions_pass_the_api_journey(swift_bin, packaged_project, tmp_path):
    serve = Serve(swift_bin, packaged_project, tmp_path / "data", ["--packaged"])
    try:
        base = f"http://127.0.0.1:{serve.ports['gateway']}"
        started = requests.post(f"{base}/api/start", json=ANSWERS, timeout=60)
        assert started.status_code == 202, started.text
        job_id = started.json()["job_id"]
        deadline = time.monotonic() + 180
        while True:
            progress = requests.get(f"{base}/api/progress/{job_id}", timeout=60).json()
            if progress["status"] in FINAL or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert progress["status"] == "complete", progress
        assert progress["counts"]["letters_written"] == 2
        links = requests.get(f"{base}/api/download/{job_id}", timeout=60).json()
        assert [letter["file_name"] for letter in links["letters"]] == progress["letters"]
        letter = requests.get(links["letters"][0]["url"], timeout=60)
        assert letter.status_code == 200 and letter.content[:2] == b"PK"
        bundle = requests.get(links["bundle"]["url"], timeout=60)
        assert bundle.status_code == 200 and bundle.content[:2] == b"PK"
    finally:
        serve.stop()
