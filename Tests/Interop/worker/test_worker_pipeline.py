"""The whole pipeline through `lambda-emulator serve`: WorkerFunction on the fixture boards with the offline
writer, letters in LocalS3 that python-docx opens, and a cancel during the search that ends `cancelled`."""

import io
import json
import time
from concurrent.futures import ThreadPoolExecutor

import docx
import requests

from worker_helpers import ANSWERS, BUCKET

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def letters_in_s3(stack, job_id):
    listed = stack.s3.list_objects_v2(Bucket=BUCKET, Prefix=f"documents/{job_id}/")
    return {item["Key"]: item for item in listed.get("Contents", [])}


def test_a_worker_event_runs_the_job_to_complete_with_letters_python_docx_opens(worker_stack):
    stack = worker_stack
    stack.create_job("job-direct")
    event = {"job_id": "job-direct", "answers": ANSWERS}
    answer = stack.lambda_client.invoke(FunctionName="WorkerFunction", Payload=json.dumps(event).encode())
    assert "FunctionError" not in answer, answer["Payload"].read()
    outcome = json.loads(answer["Payload"].read())
    assert outcome["status"] == "complete", outcome

    item = stack.job("job-direct")
    assert item["status"]["S"] == "complete"
    counts = item["progress"]["M"]["counts"]["M"]
    assert counts["letters_written"]["N"] == "3" and counts["letters_total"]["N"] == "3"
    result = json.loads(item["result"]["S"])
    assert len(result["jobs"]) == 3 and len(result["letters"]) == 3
    assert result["bundle"]["key"] == "documents/job-direct/cover-letters.zip"

    stored = letters_in_s3(stack, "job-direct")
    assert set(stored) == {letter["key"] for letter in result["letters"]} | {result["bundle"]["key"]}
    zip_head = stack.s3.head_object(Bucket=BUCKET, Key=result["bundle"]["key"])
    assert zip_head["ContentType"] == "application/zip"
    for job, letter in zip(result["jobs"], result["letters"]):
        assert job["letter_file_name"] == letter["file_name"]
        body = stack.s3.get_object(Bucket=BUCKET, Key=letter["key"])
        assert body["ContentType"] == DOCX
        document = docx.Document(io.BytesIO(body["Body"].read()))
        paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
        texts = [text for _, text in paragraphs]
        assert texts[0] == "Aino Virtanen" and texts[-1] == "Aino Virtanen"
        assert job["company"] in texts
        assert f"Application: {job['title']}" in texts
        body_text = [text for style, text in paragraphs if style == "Body Text"]
        assert len(body_text) >= 4
        assert any(job["company"] in text and job["title"] in text for text in body_text)
        assert not any("aino@example.com" in text for text in body_text)


def test_start_through_the_api_to_complete_and_download(worker_stack):
    stack = worker_stack
    response = requests.post(f"{stack.url}/api/start", json=ANSWERS, timeout=30)
    assert response.status_code == 202, response.text
    job_id = response.json()["job_id"]
    final = stack.wait_until_final(job_id)
    assert final["status"] == "complete", final
    assert final["step"] == 6 and final["counts"]["letters_written"] == 3
    assert len(final["jobs"]) == 3 and all(job["url"].startswith(stack.boards) for job in final["jobs"])
    links = requests.get(f"{stack.url}/api/download/{job_id}", timeout=30).json()
    assert [letter["file_name"] for letter in links["letters"]] == final["letters"]
    bundle = requests.get(links["bundle"]["url"], timeout=30)
    assert bundle.status_code == 200 and bundle.content[:2] == b"PK"


def test_cancelling_mid_search_ends_cancelled(worker_stack):
    stack = worker_stack
    # Every board page now takes half a second, so the search lasts long enough to be cancelled.
    requests.post(f"{stack.boards}/_control?latency=0.5", timeout=10).raise_for_status()
    response = requests.post(f"{stack.url}/api/start", json=ANSWERS, timeout=30)
    assert response.status_code == 202, response.text
    job_id = response.json()["job_id"]
    deadline = time.monotonic() + 60
    while stack.progress(job_id).get("phase") != "searching":
        assert time.monotonic() < deadline, "the job never reached the search"
        time.sleep(0.05)
    cancel = requests.post(f"{stack.url}/api/cancel/{job_id}", timeout=30)
    assert cancel.status_code == 202, cancel.text
    final = stack.wait_until_final(job_id, limit=30)
    assert final["status"] == "cancelled", final
    assert final.get("error") is None
    assert final.get("phase") == "searching"
    assert letters_in_s3(stack, job_id) == {}


def test_two_jobs_started_together_both_run_at_once(worker_stack):
    stack = worker_stack
    # Slow boards keep each job searching for seconds: a second job queued behind the first would show it.
    requests.post(f"{stack.boards}/_control?latency=0.5", timeout=10).raise_for_status()
    with ThreadPoolExecutor(max_workers=2) as pool:
        responses = list(pool.map(lambda _: requests.post(f"{stack.url}/api/start", json=ANSWERS, timeout=30), range(2)))
    assert [response.status_code for response in responses] == [202, 202], [r.text for r in responses]
    started = time.monotonic()
    waiting = {response.json()["job_id"] for response in responses}
    while waiting and time.monotonic() - started < 2.0:
        waiting = {job_id for job_id in waiting if stack.progress(job_id)["status"] == "queued"}
        time.sleep(0.05)
    assert not waiting, "still queued after 2 s"
    for job_id in (response.json()["job_id"] for response in responses):
        requests.post(f"{stack.url}/api/cancel/{job_id}", timeout=30)
