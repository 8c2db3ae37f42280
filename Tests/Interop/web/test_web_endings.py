"""Endings other than results, against `serve` running the real functions: a search that outlives its
deadline, or fails, is explained in plain words, and "Search again" returns to the kept answers."""

from journey_steps import DESCRIPTION, fill_quick_search, open_set, steps_seen_until


def test_timed_out_journey(start_stack, browser):
    # A one-second deadline with one second between board requests: the job cannot finish in time.
    stack = start_stack(JOB_DEADLINE_SECONDS=1, SCRAPER_DELAY_SECONDS=1, SCRAPE_DELAY_SECONDS=1)
    browser.open(stack.url)
    fill_quick_search(browser, letters="2")
    browser.by_id("search-button").click()
    steps_seen_until(browser, {"results", "ended"}, 60)
    assert browser.view() == "ended"
    assert browser.driver.execute_script("return document.body.dataset.ending") == "timed_out"
    assert browser.by_id("ended-title").text == "The search took too long"
    assert "answers are kept" in browser.by_id("ended-text").text
    browser.save("test_timed_out_journey-ended")

    browser.css("#view-ended .search-again").click()
    browser.wait_view("form")
    assert browser.css('input[name="general.cover-letter-num"][value="2"]').is_selected()
    open_set(browser, "additional-info")
    assert browser.by_id("description").get_attribute("value") == DESCRIPTION
    assert browser.errors() == []


def test_error_journey(start_stack, browser):
    # The documents bucket does not exist, so the writing step cannot store the letters: the job ends
    # `error`, and the page says so in plain words with the server's reason naming the step.
    stack = start_stack(S3_DOCUMENTS_BUCKET="jobsai-no-such-bucket")
    browser.open(stack.url)
    fill_quick_search(browser, letters="1")
    browser.by_id("search-button").click()
    steps_seen_until(browser, {"results", "ended"}, 60)
    assert browser.view() == "ended"
    assert browser.driver.execute_script("return document.body.dataset.ending") == "error"
    assert browser.by_id("ended-title").text == "The search failed"
    assert "answers are kept" in browser.by_id("ended-text").text
    detail = browser.by_id("ended-detail").text
    assert detail.startswith("Details: ")
    assert "(writing the letters) failed" in detail and "NoSuchBucket" in detail, detail
    browser.save("test_error_journey-ended")

    browser.css("#view-ended .search-again").click()
    browser.wait_view("form")
    assert browser.css('input[name="general.cover-letter-num"][value="1"]').is_selected()
    assert browser.errors() == []
