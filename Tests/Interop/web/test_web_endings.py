"""Endings other than results, against `serve` running the real functions: a search that outlives its
deadline, or fails, is explained in plain words, and "Search again" returns to the kept answers."""

from journey_steps import assert_description_kept, assert_ended, fill_quick_search, search_again, steps_seen_until


def test_timed_out_journey(start_stack, browser):
    # A one-second deadline with one second between board requests: the job cannot finish in time.
    stack = start_stack(JOB_DEADLINE_SECONDS=1, SCRAPER_DELAY_SECONDS=1, SCRAPE_DELAY_SECONDS=1)
    browser.open(stack.url)
    fill_quick_search(browser, letters="2")
    browser.by_id("search-button").click()
    steps_seen_until(browser, {"results", "ended"}, 60)
    assert browser.view() == "ended"
    assert_ended(browser, "timed_out", "The search took too long")
    browser.save("test_timed_out_journey-ended")

    search_again(browser, letters="2")
    assert_description_kept(browser)
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
    assert_ended(browser, "error", "The search failed")
    detail = browser.by_id("ended-detail").text
    assert detail.startswith("Details: ")
    assert "(writing the letters) failed" in detail and "NoSuchBucket" in detail, detail
    browser.save("test_error_journey-ended")

    search_again(browser, letters="1")
    assert browser.errors() == []
