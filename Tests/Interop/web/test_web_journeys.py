"""The questionnaire page in headless Chromium against `lambda-emulator serve` running the real APIFunction and
WorkerFunction (offline writer, fixture job boards): the full journey, cancel and rate limiting."""

import re
import time
import zipfile

import docx
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from journey_steps import (
    assert_description_kept, assert_ended, fill_quick_search, open_set, search_again, set_checkboxes, steps_seen_until,
)


def test_full_journey(start_stack, browser):
    stack = start_stack()
    browser.open(stack.url)
    # Nothing is preset but the general questions' choices: every slider at 0, no description.
    assert browser.by_id("answered-count").text == "1 of 10 sets answered"
    assert len(browser.all(".set-tab")) == 11
    assert browser.all('#set-panels input[type="range"]') and all(
        slider.get_attribute("value") == "0" for slider in browser.all('#set-panels input[type="range"]'))
    assert browser.by_id("description").get_attribute("value") == ""

    # General questions with the mouse; the languages set with the keyboard only.
    set_checkboxes(browser, "cover-letter-style", {"Professional", "Friendly"})
    fill_quick_search(browser, letters="2")
    open_set(browser, "general")
    browser.by_id("tab-general").send_keys(Keys.ARROW_RIGHT)
    assert browser.focused_id() == "tab-languages"
    assert browser.by_id("panel-languages").is_displayed()
    swift = browser.by_id("tech-languages-swift")
    swift.send_keys(Keys.ARROW_RIGHT * 5)
    assert swift.get_attribute("value") == "5"
    assert browser.by_id("tech-languages-swift-value").text == "< 2.5 yrs"

    # Two custom technologies, each with its own years.
    add = browser.css("#panel-languages .add-more")
    add.click()
    browser.driver.switch_to.active_element.send_keys("Haskell")
    browser.css('#panel-languages .custom-entry:nth-child(1) .custom-years').send_keys(Keys.ARROW_RIGHT * 3)
    add.click()
    browser.driver.switch_to.active_element.send_keys("Elm")
    browser.css('#panel-languages .custom-entry:nth-child(2) .custom-years').send_keys(Keys.ARROW_RIGHT * 2)
    assert len(browser.all("#panel-languages .custom-entry")) == 2

    browser.by_id("set-next").click()
    assert browser.focused_id() == "title-databases"
    browser.by_id("tech-databases-postgresql").send_keys(Keys.ARROW_RIGHT * 3)
    assert browser.by_id("answered-count").text == "4 of 10 sets answered"

    open_set(browser, "about-you")
    browser.by_id("about-name").send_keys("Maija Meikäläinen")
    browser.by_id("about-email").send_keys("maija@example.com")
    browser.by_id("about-city").send_keys("Tampere")
    assert "answered" in browser.by_id("tab-about-you").get_attribute("class")

    browser.by_id("search-button").click()
    steps = steps_seen_until(browser, {"results", "ended"}, 120)
    assert browser.view() == "results", browser.by_id("ended-text").text + " " + browser.by_id("ended-detail").text
    assert steps, "the progress view never showed a step"
    assert all(re.fullmatch(r"Step [1-6] of 6: .+|Waiting for the search to start", text) for text in steps), steps

    cards = browser.all(".job-card")
    assert 1 <= len(cards) <= 2
    first = cards[0]
    assert first.find_element(By.CSS_SELECTOR, "h3 a").get_attribute("href").startswith("http")
    score = first.find_element(By.CSS_SELECTOR, ".score").text
    assert re.fullmatch(r"Match \d+/100", score)
    assert first.find_element(By.CSS_SELECTOR, ".letter-writer").text == "Letter written by the offline writer."
    # Why the job scored as it did: the real API's parts, in words, adding up to the score.
    why = first.find_element(By.CSS_SELECTOR, ".why")
    assert why.find_element(By.TAG_NAME, "summary").text == f"Why {score.split()[1]}"
    points = [item.find_element(By.CLASS_NAME, "part-points").text for item in why.find_elements(By.CSS_SELECTOR, ".score-parts li")]
    total = sum(int(text.split()[0].replace("−", "-")) for text in points)
    assert total == int(score.split()[1].split("/")[0]) or total < 0, points
    assert why.find_element(By.CSS_SELECTOR, ".part-text").text.startswith(("You have", "The ad names no"))
    assert browser.by_id("results-understood").text.startswith("What we understood from your answers")
    # The letter's words in the page before downloading.
    first.find_element(By.CSS_SELECTOR, ".preview-letter").click()
    preview = first.find_element(By.CSS_SELECTOR, ".letter-preview")
    assert preview.is_displayed()
    preview_text = preview.find_element(By.CSS_SELECTOR, ".letter-text").text
    assert len(preview_text) > 200
    assert browser.accessibility_problems() == []

    # One letter, then the zip, into the download folder; python-docx opens every document.
    button = first.find_element(By.CSS_SELECTOR, ".download-letter")
    file_name = button.get_attribute("data-file")
    button.click()
    letter = docx.Document(browser.wait_for_download(file_name))
    text = "\n".join(paragraph.text for paragraph in letter.paragraphs)
    assert "Maija Meikäläinen" in text
    assert len(text) > 300
    # The preview is the document's own words.
    assert preview_text.split("\n")[1] in text

    browser.by_id("download-all").click()
    bundle = browser.wait_for_download("cover-letters.zip")
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        letters = {button.get_attribute("data-file") for button in browser.all(".download-letter")}
        assert set(names) == letters and file_name in names
        for name in names:
            with archive.open(name) as member:
                assert docx.Document(member).paragraphs
    assert browser.errors() == []


def test_cancel_journey(start_stack, browser):
    # One second between board requests keeps the search running long enough to cancel it.
    stack = start_stack(SCRAPER_DELAY_SECONDS=1, SCRAPE_DELAY_SECONDS=1)
    browser.open(stack.url)
    fill_quick_search(browser, letters="3", deep="Yes")
    browser.by_id("search-button").click()
    browser.wait_view("progress")
    browser.wait(30).until(lambda _: browser.by_id("progress-step").text.startswith("Step "))
    # A reload keeps following the same job (its id is in the address); no second job is started.
    address = browser.driver.current_url
    assert "?job=" in address
    browser.driver.refresh()
    browser.wait(30).until(lambda _: browser.view() == "progress" and browser.by_id("progress-step").text.startswith("Step "))
    assert browser.driver.current_url == address
    items = stack.client("dynamodb").scan(TableName="jobsai-jobs")["Items"]
    jobs = [item for item in items if not item["job_id"]["S"].startswith("rate_limit#")]
    assert [job["job_id"]["S"] for job in jobs] == [address.split("?job=")[1]]
    browser.by_id("cancel-button").click()
    browser.wait_view("ended", seconds=60)
    assert_ended(browser, "cancelled", "Search cancelled")
    browser.save("test_cancel_journey-ended")

    search_again(browser, letters="3")
    assert browser.by_id("panel-general").is_displayed()
    assert_description_kept(browser)
    assert browser.errors() == []


def test_rate_limit_journey(start_stack, browser):
    # Windows are aligned to multiples of their length: start just after a boundary, so the two searches
    # below fall in the same window and the wait is the rest of it.
    window = 12
    stack = start_stack(RATE_LIMIT_REQUESTS=1, RATE_LIMIT_WINDOW_SECONDS=window)
    browser.open(stack.url)
    fill_quick_search(browser)
    if window - time.time() % window < 9:
        time.sleep(window - time.time() % window)
    browser.by_id("search-button").click()
    browser.wait_view("progress")
    browser.by_id("cancel-button").click()
    steps_seen_until(browser, {"results", "ended"}, 60)

    # The second search within the window is refused: a countdown, the answers kept.
    browser.css(f"#view-{browser.view()} .search-again").click()
    browser.wait_view("form")
    browser.by_id("search-button").click()
    browser.wait_view("rate-limit")
    countdown = browser.by_id("rate-countdown")
    first = countdown.text
    assert re.fullmatch(r"0:(0\d|1[0-2])", first), first
    browser.wait(5).until(lambda _: countdown.text != first)
    browser.save("test_rate_limit_journey-waiting")

    # When the wait is over the page retries by itself with the same answers.
    browser.wait_view("progress", seconds=20)
    steps_seen_until(browser, {"results", "ended"}, 120)
    assert browser.view() == "results"
    # The first job may finish before the cancel reaches it (events start at once): the API then answers 409,
    # which the page shows as that job's results, as `steps_seen_until` above allows.
    assert browser.errors(allowed_statuses=(409, 429)) == []
