"""The console in headless Chromium against `serve` with the real JobsAI functions: invoking a function from the
console, a failing async event reaching the dead letters and replayed once fixed, and the JobsAI job's table item
and letters. Screenshots at 1280 and 768 px go to .build/test-artifacts/console/."""

import json
import time
import urllib.request
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from console_support import ROOT, TABLE


def invoke_from_form(browser, sample=None, event=None, kind="RequestResponse"):
    if sample:
        Select(browser.by_id("sample-select")).select_by_value(sample)
        browser.wait_text("#editor-message", f"Loaded {sample}")
    if event is not None:
        editor = browser.by_id("event-editor")
        editor.clear()
        editor.send_keys(event)
    Select(browser.by_id("invoke-type")).select_by_value(kind)
    browser.by_id("invoke-button").click()
    browser.wait(60).until(lambda _: browser.by_id("invoke-button").is_enabled() and browser.all("#invoke-status"))
    return browser.text("#invoke-status")


def test_invoke_a_function_and_see_its_result_and_logs(start_stack, browser):
    stack = start_stack()
    stack.create_storage()
    browser.open(stack.console)
    cards = browser.all(".card[data-function]")
    assert {card.get_attribute("data-function") for card in cards} == {"APIFunction", "WorkerFunction", "fixable"}
    browser.css('.card[data-function="APIFunction"]').click()
    browser.wait_ready()
    variables = browser.css("#environment-variables").text
    assert "OPENAI_API_KEY ********" in variables and "sk-console-test-secret" not in browser.driver.page_source
    samples = [option.get_attribute("value") for option in browser.all("#sample-select option")]
    assert "api/health" in samples and "function-url/get" in samples

    status = invoke_from_form(browser, sample="api/health")
    assert status.startswith("success"), status
    response = json.loads(browser.text("#invoke-result pre.response"))
    assert response["statusCode"] == 200, response
    assert json.loads(response["body"])["status"] == "ok"
    log = browser.text("#invoke-result pre.log")
    assert "START RequestId:" in log and "REPORT RequestId:" in log and "Billed Duration:" in log
    browser.wait_text("#environments", "idle")
    browser.shoot("invoke-result")
    browser.shoot("readme-console", widths=(1280,), height=1000)

    # A broken event: the editor refuses it before sending; the function's own error shows beside the form.
    editor = browser.by_id("event-editor")
    editor.clear()
    editor.send_keys("{not json")
    browser.by_id("invoke-button").click()
    assert "not JSON" in browser.text("#editor-message")
    browser.go(stack.console, "functions/fixable")
    code_folder = stack_code(stack, "fixable")
    (code_folder / "broken").write_text("configuration missing")
    status = invoke_from_form(browser, event='{"n": 1}')
    assert browser.text("#function-error") == "EchoFailure", status
    assert "configuration missing" in browser.text("#invoke-result pre.response")
    (code_folder / "broken").unlink()

    # The list updates live: an invoke made elsewhere (boto3) shows without a reload.
    browser.go(stack.console, "invocations")
    rows = "return [...document.querySelectorAll('#invocations-table tbody tr')].map((row) => row.dataset.status)"
    before = len(browser.driver.execute_script(rows))
    stack.client("lambda").invoke(FunctionName="fixable", Payload=b'{"from": "boto3"}')
    # The row appears while it runs and turns to success with the next batch of the stream.
    browser.wait(20).until(lambda driver: driver.execute_script(rows)[:1] == ["success"]
                           and len(driver.execute_script(rows)) == before + 1)
    browser.shoot("invocations")
    Select(browser.by_id("filter-status")).select_by_value("error")
    browser.wait_ready()
    statuses = {row.get_attribute("data-status") for row in browser.all("#invocations-table tbody tr")}
    assert statuses == {"error"}
    browser.css("#invocations-table tbody tr a").click()
    browser.wait_text("pre.log", "configuration missing")
    browser.shoot("invocation-detail")


def stack_code(stack, name):
    """The code folder `serve` runs `name` from (its `--function NAME=DIR`)."""
    args = stack.process.args
    for index, arg in enumerate(args):
        if arg == "--function" and args[index + 1].startswith(f"{name}="):
            return Path(args[index + 1].split("=", 1)[1])
    raise AssertionError(f"no --function {name}")


def test_a_failing_event_reaches_the_dead_letters_and_is_replayed_once_fixed(start_stack, browser):
    stack = start_stack()
    code = stack_code(stack, "fixable")
    (code / "broken").write_text("the database password is wrong")
    browser.go(stack.console, "functions/fixable")
    status = invoke_from_form(browser, event='{"order": 42}', kind="Event")
    assert status.startswith("queued"), status

    browser.go(stack.console, "queue")
    row = '#dead-letters tr[data-letter-id]'
    browser.wait(30).until(lambda _: browser.all(row))
    assert "the database password is wrong" in browser.text(f"{row} .letter-error")
    assert "RetriesExhausted" in browser.text(row)
    request_id = browser.css(row).get_attribute("data-request-id")
    browser.shoot("dead-letter")

    (code / "broken").unlink()  # the fix
    browser.css(f"{row} button.replay").click()
    browser.wait_text("#queue-message", "Replayed")
    browser.wait(30).until(lambda _: not browser.all(row))
    assert "No dead letter." in browser.text("#dead-letters")

    browser.go(stack.console, f"invocations?search={request_id}")
    browser.wait(30).until(lambda _: browser.all('#invocations-table tr[data-status="success"]'))
    statuses = [row.get_attribute("data-status") for row in browser.all("#invocations-table tbody tr")]
    assert statuses[0] == "success" and statuses.count("error") == 3, statuses
    assert all(cell.text == "Event" for cell in browser.all("#invocations-table tbody td:nth-child(3)"))


def test_a_jobsai_job_in_the_console_table_and_bucket(start_stack, browser):
    stack = start_stack()
    stack.create_storage()
    body = json.loads((ROOT / "events/api/start-valid.json").read_text())["body"]
    job_id, progress = stack.start_job(body)
    assert progress["status"] == "complete", progress

    browser.go(stack.console, "jobs")
    row = f'#jobs-table tr[data-job-id="{job_id}"]'
    browser.wait(20).until(lambda _: browser.all(f"{row} a.invocation-link"))
    assert browser.css(row).get_attribute("data-status") == "complete"
    text = browser.text(row)
    assert "6 of 6: done" in text and "2 / 2" in text, text
    browser.shoot("jobs")

    # The worker's invocation: the Event that ran this job, with its logs.
    browser.css(f"{row} a.invocation-link").click()
    browser.wait_ready()
    assert "WorkerFunction" in browser.text("h2")
    assert job_id in browser.text("pre.payload")
    assert "REPORT RequestId:" in browser.text("pre.log")

    # The job's item: DynamoDB JSON and plain JSON.
    browser.go(stack.console, "jobs")
    browser.wait(20).until(lambda _: browser.all(f"{row} a.item-link"))
    browser.css(f"{row} a.item-link").click()
    browser.wait_ready()
    browser.wait_text("#item pre.item-json", job_id)
    plain = json.loads(browser.text("#item pre.item-json"))
    assert plain["job_id"] == job_id and plain["status"] == "complete"
    assert isinstance(plain["progress"]["counts"]["letters_written"], int)
    browser.css("#item .tab:nth-child(2)").click()
    dynamo = json.loads(browser.text("#item pre.item-json"))
    assert dynamo["job_id"] == {"S": job_id} and dynamo["status"] == {"S": "complete"}
    browser.shoot("table-item")

    # Paging through the whole table: the job and the rate-limit counter the API wrote.
    browser.go(stack.console, f"tables/{TABLE}")
    assert "ttl (enabled)" in browser.text(".facts")
    assert len(browser.all("#items-table tbody tr")) == 2

    # The letters: browse the job's prefix, open a letter, download it through its presigned URL.
    browser.go(stack.console, "jobs")
    browser.wait(20).until(lambda _: browser.all(f"{row} a.letters-link"))
    browser.css(f"{row} a.letters-link").click()
    browser.wait_ready()
    keys = [element.get_attribute("data-key") for element in browser.all("#objects-table tr[data-key]")]
    assert len([key for key in keys if key.endswith(".docx")]) == 2, keys
    assert f"documents/{job_id}/cover-letters.zip" in keys
    assert "expire-letters" in browser.text(".panel .facts")
    browser.css('#objects-table tr[data-key$=".docx"]').click()
    browser.wait_text("#object", "Download")
    url = browser.css("#download-object").get_attribute("href")
    with urllib.request.urlopen(url, timeout=30) as answer:
        assert answer.status == 200
        assert answer.read(2) == b"PK"
        assert answer.headers["Content-Disposition"].startswith("attachment")
    browser.shoot("bucket-object")
