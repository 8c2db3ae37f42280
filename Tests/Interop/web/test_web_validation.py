"""The validation journey in headless Chromium against `serve` running the real APIFunction: the client's
messages (the API's rules and wording) beside each field, then a 422 from the server shown the same way."""

from selenium.webdriver.common.keys import Keys

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
    assert browser.by_id("tab-additional-info").accessible_name == "Set 10: Description, needs a fix"
    assert browser.accessibility_problems() == []
    browser.save_page("form-errors-1280")

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


def test_a_too_long_technology_name_gets_one_message(start_stack, browser):
    stack = start_stack()
    browser.open(stack.url)
    type_description(browser, DESCRIPTION)
    open_set(browser, "languages")
    browser.css("#panel-languages .add-more").click()
    name = browser.driver.switch_to.active_element
    # The field stops at 50 characters; a name that gets past it (pasted into an older page, say) is one problem.
    browser.driver.execute_script("arguments[0].removeAttribute('maxlength')", name)
    name.send_keys("x" * 51)
    browser.css("#panel-languages .custom-entry .custom-years").send_keys(Keys.ARROW_RIGHT * 3)
    browser.by_id("search-button").click()
    error = browser.css("#panel-languages .custom-entry .field-error")
    browser.wait(5).until(lambda _: error.is_displayed())
    assert error.text == "Keep the name to 50 characters or fewer."
    summary = [item.text for item in browser.all("#error-summary-list li")]
    assert len(summary) == 1 and summary[0].endswith("Keep the name to 50 characters or fewer."), summary
    assert browser.by_id("tab-languages").get_attribute("data-state") == "invalid"
    assert "needs a fix" in browser.by_id("tab-languages").text

    # The API says the same, once: the name's length, not also "years without a name".
    answer = browser.driver.execute_async_script("""
      const done = arguments[arguments.length - 1];
      const body = {general: [{'job-level': ['Entry']}, {'job-boards': ['Jobly']}, {'deep-mode': 'No'},
                              {'cover-letter-num': 1}, {'cover-letter-style': ['Professional']}],
                    languages: [{'text-field1': 'x'.repeat(51)}, {'text-field1-slider': 3}],
                    'additional-info': [{'additional-info': 'I like tidy code.'}]};
      fetch('/api/start', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)})
        .then(async (response) => done({status: response.status, body: await response.json()}));
    """)
    assert answer["status"] == 422
    assert answer["body"]["errors"] == [
        {"field": "languages.text-field1", "message": "Keep the name to 50 characters or fewer."}]
    assert browser.errors(allowed_statuses=(422,)) == []
