"""The page with the keyboard alone, against `serve` running the real functions: the example button, the named
set tabs (short names, numbers and states in words), a slider, Search, and a letter's preview in the results.
Also the example button asking before it replaces answers, and the form at 360 px and 1280 px."""

import re

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from journey_steps import open_set, type_description

SHORT_NAMES = ["General", "Languages", "Databases", "Cloud", "Web frameworks", "IDEs", "LLMs", "Collaboration",
               "Operating systems", "Description", "About you"]


def press(browser, *keys):
    ActionChains(browser.driver).send_keys(*keys).perform()


def tab_until(browser, matches, limit=60):
    """Presses Tab until the focused element matches; returns it."""
    for _ in range(limit):
        press(browser, Keys.TAB)
        element = browser.driver.switch_to.active_element
        if matches(element):
            return element
    raise AssertionError(f"no match within {limit} Tab presses; focus is on {browser.focused_id()!r}")


def test_keyboard_only_journey_through_named_tabs(start_stack, browser):
    stack = start_stack()
    browser.open(stack.url)
    assert browser.accessibility_problems() == []
    browser.save_page("form-fresh-1280")
    browser.driver.set_window_size(360, 800)
    browser.save_page("form-fresh-360")
    browser.driver.set_window_size(1280, 1000)

    # The example button, found with Tab and pressed with Enter, fills the form and says what it did.
    tab_until(browser, lambda element: element.get_attribute("id") == "example-button")
    press(browser, Keys.ENTER)
    status = browser.by_id("example-status").text
    assert status.startswith("Filled in an example: a web developer with JavaScript, HTML/CSS, SQL and Python"), status
    assert browser.by_id("answered-count").text == "3 of 10 sets answered"
    assert browser.by_id("tech-languages-python").get_attribute("value") == "7"
    assert browser.by_id("description").get_attribute("value").startswith("I build web applications")

    # The tab strip: one stop, arrows move between sets named in words, with their state in words.
    tab = tab_until(browser, lambda element: element.get_attribute("role") == "tab")
    assert tab.get_attribute("id") == "tab-general"
    names = []
    for index in range(len(SHORT_NAMES)):
        focused = browser.driver.switch_to.active_element
        names.append(focused.accessible_name)
        assert focused.get_attribute("aria-selected") == "true"
        if index < len(SHORT_NAMES) - 1:
            press(browser, Keys.ARROW_RIGHT)
    assert names[0] == "Set 1: General, answered"
    assert names[1] == "Set 2: Languages, answered"
    assert names[2] == "Set 3: Databases, optional"
    assert names[9] == "Set 10: Description, answered"
    assert names[10] == "About you, optional"
    assert [re.sub(r"^Set \d+: |, \w+( a fix)?$", "", name) for name in names] == SHORT_NAMES
    press(browser, Keys.HOME)
    assert browser.focused_id() == "tab-general"
    press(browser, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
    assert browser.focused_id() == "tab-databases"

    # Into the set, a slider moved with arrows, and back: the tab now says "answered".
    press(browser, Keys.TAB)
    assert browser.driver.switch_to.active_element.get_attribute("type") == "range"
    press(browser, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
    assert browser.driver.switch_to.active_element.get_attribute("value") == "2"
    assert browser.by_id("tab-databases").accessible_name == "Set 3: Databases, answered"

    # Search with the keyboard: the last set has few fields before the Search button.
    ActionChains(browser.driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    assert browser.focused_id() == "tab-databases"
    press(browser, Keys.END)
    assert browser.focused_id() == "tab-about-you"
    tab_until(browser, lambda element: element.get_attribute("id") == "search-button", limit=20)
    press(browser, Keys.ENTER)
    browser.wait_view("progress", 15)
    browser.wait_view("results", 120)
    assert browser.focused_id() == "results-title"

    # The first letter's preview, opened from the keyboard.
    button = tab_until(browser, lambda element: "preview-letter" in (element.get_attribute("class") or ""))
    assert button.accessible_name.startswith("Preview letter for ")
    press(browser, Keys.ENTER)
    assert button.get_attribute("aria-expanded") == "true"
    preview = browser.by_id(button.get_attribute("aria-controls"))
    assert preview.is_displayed() and len(preview.text) > 200
    assert browser.accessibility_problems() == []
    browser.save_page("results-keyboard-1280")
    browser.driver.set_window_size(360, 800)
    browser.driver.execute_script("arguments[0].scrollIntoView()", preview)
    browser.save_page("results-keyboard-360")
    assert browser.errors() == []


def test_the_example_asks_before_replacing_answers(start_stack, browser):
    stack = start_stack()
    browser.open(stack.url)
    type_description(browser, "My own words about my work.")
    open_set(browser, "about-you")
    browser.by_id("about-name").send_keys("Aino")
    browser.by_id("example-button").click()
    dialog = browser.by_id("ask-dialog")
    browser.wait(5).until(lambda _: dialog.is_displayed())
    assert browser.by_id("ask-title").text == "Replace your answers with the example?"
    choices = {button.text: button for button in browser.all("#ask-choices button")}
    assert list(choices) == ["Replace with the example", "Keep my answers"]
    choices["Keep my answers"].click()
    browser.wait(5).until(lambda _: not dialog.is_displayed())
    assert browser.by_id("description").get_attribute("value") == "My own words about my work."

    browser.by_id("example-button").click()
    browser.wait(5).until(lambda _: dialog.is_displayed())
    browser.driver.switch_to.active_element.send_keys(Keys.ENTER)  # the first choice: replace
    browser.wait(5).until(lambda _: not dialog.is_displayed())
    # The example is filled in once its answers are loaded, which may be just after the dialog closes.
    browser.wait(5).until(
        lambda _: browser.by_id("description").get_attribute("value").startswith("I build web applications"))
    assert browser.by_id("about-name").get_attribute("value") == "Aino", "About you is kept"
    assert browser.by_id("example-status").text.startswith("Filled in an example:")
    assert browser.errors() == []
