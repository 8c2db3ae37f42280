"""The validation journey in headless Chromium against `serve` running the real APIFunction: the client's
messages (the API's rules and wording) beside each field, then a 422 from the server shown the same way."""

from journey_steps import DESCRIPTION, open_set, set_checkboxes, type_description


def test_validation_journey(start_stack, browser):
    stack = start_stack()
    browser.open(stack.url)

    # Usable at 360 px: no set scrolls sideways.
    browser.driver.set_window_size(360, 800)
    for tab in browser.all(".set-tab"):
        tab.click()
        widths = browser.driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], (tab.get_attribute("id"), widths)
    browser.driver.set_window_size(1280, 1000)
    open_set(browser, "general")

    # Client: two job levels that are not neighbours, and no description.
    set_checkboxes(browser, "job-level", {"Expert-level", "Entry"})
    type_description(browser, "")
    open_set(browser, "languages")
    browser.by_id("search-button").click()
    error = browser.by_id("error-general-job-level")
    assert error.is_displayed()
    assert error.text.startswith("Two levels must be next to each other")
    assert browser.by_id("panel-general").is_displayed(), "the form jumps to the first problem"
    assert browser.focused_id() == "q-job-level-0"
    summary = browser.by_id("error-summary").text
    assert "Please provide a personal description" in summary
    assert "has-error" in browser.by_id("tab-additional-info").get_attribute("class")

    # Fixing an answer clears its message at once.
    set_checkboxes(browser, "job-level", {"Entry"})
    assert not browser.by_id("error-general-job-level").is_displayed()
    browser.css("#error-summary a").click()
    assert browser.focused_id() == "description"
    browser.by_id("description").send_keys(DESCRIPTION)
    assert browser.by_id("error-summary").is_displayed() is False

    # A reload keeps the answers (sessionStorage of this tab only).
    browser.driver.refresh()
    browser.wait_view("form")
    assert [box.get_attribute("value") for box in browser.all('input[name="general.job-level"]:checked')] == ["Entry"]
    assert browser.by_id("description").get_attribute("value") == DESCRIPTION

    # Server: an answer the page would not produce (an outdated page) comes back as a 422 shown by its field.
    browser.driver.execute_script(
        "document.querySelector('input[name=\"general.job-boards\"][value=\"Jobly\"]').value = 'Monster';")
    open_set(browser, "general")
    set_checkboxes(browser, "job-boards", {"Monster"})
    browser.by_id("search-button").click()
    browser.wait(15).until(lambda _: browser.by_id("error-general-job-boards").is_displayed())
    assert browser.view() == "form"
    server_message = browser.by_id("error-general-job-boards").text
    assert server_message
    assert server_message in browser.by_id("error-summary").text
    assert browser.focused_id().startswith("q-job-boards-")
    assert browser.errors(allowed_statuses=(422,)) == []
