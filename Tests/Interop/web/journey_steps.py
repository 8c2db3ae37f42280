"""Steps the web journeys share: filling questions, moving between sets, watching the progress view."""

import time

DESCRIPTION = "I build reliable backend services in Python and SQL and enjoy teaching what I learn to others."


def set_checkboxes(browser, name, values):
    """Ticks exactly `values` among the checkboxes of a general question."""
    for box in browser.all(f'input[name="general.{name}"]'):
        if (box.get_attribute("value") in values) != box.is_selected():
            box.click()


def choose_radio(browser, name, value):
    browser.css(f'input[name="general.{name}"][value="{value}"]').click()


def open_set(browser, set_id):
    browser.by_id(f"tab-{set_id}").click()
    assert browser.by_id(f"panel-{set_id}").is_displayed()


def type_description(browser, text):
    open_set(browser, "additional-info")
    area = browser.by_id("description")
    area.clear()
    area.send_keys(text)


def fill_quick_search(browser, letters="1", deep="No"):
    """Answers that make a short search: both boards, shallow, `letters` letters."""
    set_checkboxes(browser, "job-level", {"Intermediate", "Entry"})
    set_checkboxes(browser, "job-boards", {"Duunitori", "Jobly"})
    choose_radio(browser, "deep-mode", deep)
    choose_radio(browser, "cover-letter-num", letters)
    type_description(browser, DESCRIPTION)


def steps_seen_until(browser, final_views, seconds):
    """Watches the progress view until one of `final_views` shows; returns the step texts seen."""
    seen = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        view = browser.view()
        if view in final_views:
            return seen
        if view == "progress":
            text = browser.by_id("progress-step").text
            if text and (not seen or seen[-1] != text):
                seen.append(text)
        time.sleep(0.05)
    raise AssertionError(f"no final view within {seconds}s; steps seen: {seen}")


def assert_ended(browser, kind, title):
    """The ended view explains `kind` with `title` and says the answers are kept."""
    assert browser.driver.execute_script("return document.body.dataset.ending") == kind
    assert browser.by_id("ended-title").text == title
    assert "answers are kept" in browser.by_id("ended-text").text


def search_again(browser, letters):
    """"Search again" returns to the form with the chosen letter count still selected."""
    browser.css("#view-ended .search-again").click()
    browser.wait_view("form")
    assert browser.css(f'input[name="general.cover-letter-num"][value="{letters}"]').is_selected()


def assert_description_kept(browser):
    open_set(browser, "additional-info")
    assert browser.by_id("description").get_attribute("value") == DESCRIPTION
