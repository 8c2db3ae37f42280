"""A job that survives: the page follows the job in its address (`?job=<id>`) and the tab's storage, so a
reload at any step, back and forward, or the link opened in a new window show its progress or results. The
API is scripted (scripted_api.py) so the job can be held at each step; the progress view shows the steps, the
counts that mean something at that step, the time so far, why the search stopped early, and what was
understood; a second Search while a job runs asks first."""

import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from journey_steps import fill_quick_search
from scripted_api import JOB_ID, ScriptedAPI, complete, fetch_questionnaire, progress_at
from web_support import ROOT, Stack

OTHER_JOB = "1f1e1d1c-1b1a-4918-8716-151413121110"
STEP_TITLES = ["Building your profile", "Choosing search queries", "Searching the job boards", "Scoring the job ads",
               "Planning your letters", "Writing your letters"]
# The counts each step shows (and no others): nothing before the queries are chosen, letters from step 5.
EXPECTED_COUNTS = {
    0: {}, 1: {},
    2: {"Search queries": "0 of 10"},
    3: {"Search queries": "4 of 10", "Job ads found": "200"},
    4: {"Search queries": "4 of 10", "Job ads found": "200", "Job ads scored": "150 of 200"},
    5: {"Search queries": "4 of 10", "Job ads found": "200", "Job ads scored": "200 of 200",
        "Letters written": "0 of 2"},
    6: {"Search queries": "4 of 10", "Job ads found": "200", "Job ads scored": "200 of 200",
        "Letters written": "1 of 2"},
}


@pytest.fixture(scope="module")
def questionnaire(swift_bin, function_code, tmp_path_factory):
    """The real API's questionnaire, for the scripted API to serve."""
    work = tmp_path_factory.mktemp("questionnaire")
    stack = Stack(swift_bin / "lambda-emulator", function_code, {"LLM_PROVIDER": "offline"}, work / "stack",
                  ROOT / "frontend")
    try:
        fetch_questionnaire(stack, work / "questionnaire.json")
    finally:
        stack.stop()
    return work / "questionnaire.json"


@pytest.fixture
def scripted(swift_bin, questionnaire, tmp_path):
    api = ScriptedAPI(tmp_path / "api", questionnaire)
    stack = api.stack(swift_bin, tmp_path / "stack")
    api.url = stack.url
    yield api
    stack.stop()


def counts(browser):
    """The count rows shown, read in one go (a poll may redraw them between two reads)."""
    return browser.driver.execute_script("""
      return Object.fromEntries([...document.querySelectorAll('#progress-counts div')]
        .map((row) => [row.querySelector('dt').textContent, row.querySelector('dd').textContent]));""")


def address(browser):
    return browser.driver.current_url


def wait_step(browser, step):
    text = f"Step {step} of 6: {STEP_TITLES[step - 1]}" if step else "Waiting for the search to start"
    browser.wait(15).until(lambda _: browser.view() == "progress" and browser.by_id("progress-step").text == text)


def check_progress(browser, step):
    """The step list marks done, current and coming steps in words; the counts fit the step."""
    items = browser.all("#progress-steps li")
    assert [item.find_element(By.CLASS_NAME, "step-title").text for item in items] == STEP_TITLES
    states = [item.get_attribute("data-state") for item in items]
    assert states == (["done"] * (step - 1) + ["current"] + ["pending"] * (6 - step) if step else ["pending"] * 6)
    if step:
        current = items[step - 1]
        assert current.get_attribute("aria-current") == "step"
        assert "in progress" in current.text
        assert all("✓ done" in item.text for item in items[: step - 1])
    assert counts(browser) == EXPECTED_COUNTS[step], step
    stopped = browser.driver.execute_script(
        "return [...document.querySelectorAll('#progress-counts .count-note')].map((note) => note.textContent)")
    assert stopped == (["stopped early"] if step >= 4 else [])
    note = browser.by_id("progress-note")
    assert note.is_displayed() == (step >= 4)
    if step >= 4:
        assert note.text.startswith("The search stopped after 4 of its 10 queries")
    understood = browser.by_id("progress-understood")
    assert understood.is_displayed() == (step >= 2)
    if step >= 2:
        assert "Helsinki or remote" in understood.text
    assert re.fullmatch(r"\d+:\d\d", browser.by_id("progress-elapsed").text)
    # The API's own message ("Searching...") is not repeated under the step line.
    assert "..." not in browser.by_id("view-progress").text


def test_reload_at_every_step_and_on_the_results(scripted, browser):
    browser.open(scripted.url)
    fill_quick_search(browser, letters="2")
    scripted.set_job(JOB_ID, progress_at(0))
    browser.by_id("search-button").click()
    wait_step(browser, 0)
    assert address(browser).endswith(f"/?job={JOB_ID}")
    for step in range(7):
        scripted.set_job(JOB_ID, progress_at(step))
        wait_step(browser, step)
        check_progress(browser, step)
        browser.driver.refresh()
        wait_step(browser, step)
        check_progress(browser, step)
        assert address(browser).endswith(f"/?job={JOB_ID}")
        if step == 4:
            assert browser.accessibility_problems() == []
            browser.save_page("progress-1280")
            browser.driver.set_window_size(360, 800)
            browser.save_page("progress-360")
            browser.driver.set_window_size(1280, 1000)
    assert len(scripted.requests("POST", "/api/start")) == 1, "reloads never start another job"

    scripted.set_job(JOB_ID, complete())
    browser.wait_view("results", 15)
    browser.driver.refresh()
    browser.wait_view("results", 15)
    cards = browser.all(".job-card")
    assert len(cards) == 2
    assert "Helsinki or remote" in browser.by_id("results-understood").text
    assert "The search stopped after 4 of its 10 queries" in browser.by_id("results-summary").text
    why = cards[0].find_element(By.CSS_SELECTOR, ".why")
    assert why.find_element(By.TAG_NAME, "summary").text == "Why 91/100"
    parts = [[item.find_element(By.CLASS_NAME, name).text for name in ["part-name", "part-points", "part-text"]]
             for item in why.find_elements(By.CSS_SELECTOR, ".score-parts li")]
    assert parts[0] == ["Skills", "+33 of 42", "You have 2 of the 3 required skills."]
    assert [part[0] for part in parts] == ["Skills", "Level", "Freshness", "Role", "Place"]
    missing = why.find_element(By.CSS_SELECTOR, 'ul[aria-label="Required skills you did not list"]')
    assert missing.text == "Go"
    second = cards[1]
    assert "Held back by: a move you do not want (−35)." in second.text
    assert second.find_element(By.CSS_SELECTOR, ".penalty .part-points").text == "−35"
    assert second.find_element(By.CSS_SELECTOR, ".letter-writer").text.startswith(
        "Fallback letter: written by the offline writer")

    # A preview per letter, in its own language, marked when the fallback writer wrote it.
    toggle = second.find_element(By.CSS_SELECTOR, ".preview-letter")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    preview = second.find_element(By.CSS_SELECTOR, ".letter-preview")
    assert preview.is_displayed() and toggle.get_attribute("aria-expanded") == "true"
    assert preview.find_element(By.CSS_SELECTOR, ".letter-text").get_attribute("lang") == "fi"
    assert "Fallback letter" in preview.text and "Rakennan datajärjestelmiä." in preview.text
    assert browser.accessibility_problems() == []
    browser.save_page("results-1280")
    browser.driver.set_window_size(360, 800)
    widths = browser.driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], widths
    browser.save_page("results-360")
    browser.driver.set_window_size(1280, 1000)

    # The link opened in a new window of the same browser shows the same results.
    link = address(browser)
    first_window = browser.driver.current_window_handle
    browser.driver.switch_to.new_window("window")
    browser.driver.get(link)
    browser.wait_view("results", 15)
    assert len(browser.all(".job-card")) == 2
    browser.driver.close()
    browser.driver.switch_to.window(first_window)

    # "Search again" forgets the job: a reload shows the form; back shows the results, forward the form.
    browser.css("#view-results .search-again").click()
    browser.wait_view("form")
    assert "job=" not in address(browser)
    assert browser.by_id("running-notice").is_displayed() is False
    browser.driver.refresh()
    browser.wait_view("form", 15)
    browser.driver.back()
    browser.wait_view("results", 15)
    browser.driver.forward()
    browser.wait_view("form", 15)
    assert len(scripted.requests("POST", "/api/start")) == 1
    assert browser.errors() == []


def test_a_second_search_while_one_runs_asks_first(scripted, browser):
    browser.open(scripted.url)
    fill_quick_search(browser)
    scripted.set_job(JOB_ID, progress_at(3))
    browser.by_id("search-button").click()
    wait_step(browser, 3)

    # Back to the form: the page says the search still runs and offers it.
    browser.driver.back()
    browser.wait_view("form", 15)
    browser.wait(10).until(lambda _: browser.by_id("running-notice").is_displayed())
    assert browser.by_id("running-text").text == "A search you started is still running."

    browser.by_id("search-button").click()
    dialog = browser.by_id("ask-dialog")
    browser.wait(10).until(lambda _: dialog.is_displayed())
    assert browser.by_id("ask-title").text == "A search is already running"
    assert browser.focused_id() is not None and browser.driver.switch_to.active_element.text == "Show the running search"
    assert browser.accessibility_problems() == []
    browser.save("ask-second-search")
    browser.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    browser.wait(5).until(lambda _: not dialog.is_displayed())
    assert browser.view() == "form" and len(scripted.requests("POST", "/api/start")) == 1

    browser.by_id("search-button").click()
    browser.wait(10).until(lambda _: dialog.is_displayed())
    browser.driver.switch_to.active_element.send_keys(Keys.ENTER)  # "Show the running search"
    wait_step(browser, 3)
    assert address(browser).endswith(f"/?job={JOB_ID}")

    browser.driver.back()
    browser.wait_view("form", 15)
    scripted.state["next_job"] = OTHER_JOB
    scripted.set_job(OTHER_JOB, progress_at(1))
    browser.by_id("search-button").click()
    browser.wait(10).until(lambda _: dialog.is_displayed())
    next(button for button in browser.all("#ask-choices button") if button.text == "Cancel it and search again").click()
    wait_step(browser, 1)
    assert address(browser).endswith(f"/?job={OTHER_JOB}")
    assert [request["path"] for request in scripted.requests("POST", "/api/cancel/")] == [f"/api/cancel/{JOB_ID}"]
    assert len(scripted.requests("POST", "/api/start")) == 2
    assert browser.errors() == []
