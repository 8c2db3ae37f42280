"""A headless Chromium for the interop suites (Debian `chromium` and `chromium-driver`): it keeps the browser's
console log as it is read and saves the final screen (with page source and console log on failure) under a
folder of `.build/test-artifacts/`."""

import json
import os
import shutil
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


class Browser:
    """Headless Chromium downloading into `downloads`; console entries are collected as they are read."""

    def __init__(self, downloads: Path, artifacts: Path, width=1280, height=1000):
        self.artifacts = artifacts
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         f"--window-size={width},{height}", "--lang=en-US"]:
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        options.add_experimental_option("prefs", {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "download.directory_upgrade": True,
            "safebrowsing.enabled": True,
        })
        self.downloads = downloads
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        self.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        self.console_entries = []

    def console(self):
        """Every console entry so far (reading the driver's log empties it, so entries are kept here)."""
        self.console_entries += self.driver.get_log("browser")
        return self.console_entries

    def errors(self, allowed_statuses=()):
        """SEVERE console entries, except network entries for HTTP statuses the journey expects."""
        found = []
        for entry in self.console():
            if entry["level"] != "SEVERE":
                continue
            if entry.get("source") == "network" and any(f"status of {code}" in entry["message"] for code in allowed_statuses):
                continue
            found.append(entry)
        return found

    def wait(self, seconds=10):
        return WebDriverWait(self.driver, seconds, poll_frequency=0.1)

    def by_id(self, element_id):
        return self.driver.find_element(By.ID, element_id)

    def css(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def all(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def focused_id(self):
        return self.driver.switch_to.active_element.get_attribute("id")

    def save(self, name, failed=False):
        """The screenshot of the final screen; on failure also the page source and the console log."""
        self.artifacts.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(self.artifacts / f"{name}.png"))
        if failed:
            (self.artifacts / f"{name}.html").write_text(self.driver.page_source)
            (self.artifacts / f"{name}.console.json").write_text(json.dumps(self.console(), indent=2))

    def wait_for_download(self, name, seconds=30):
        """The downloaded file once Chromium has finished writing it."""
        path = self.downloads / name
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            partial = list(self.downloads.glob("*.crdownload"))
            if path.exists() and not partial and path.stat().st_size > 0:
                return path
            time.sleep(0.1)
        raise AssertionError(f"{name} was not downloaded; the folder holds {os.listdir(self.downloads)}")

    def quit(self):
        self.driver.quit()


def saved_browser(request, tmp_path, make):
    """Yields `make(downloads)`, a browser for one test; afterwards saves its final screen (with page source and
    console log when the test failed, as the root conftest's report hook tells) and quits it."""
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    chromium = make(downloads)
    yield chromium
    report = getattr(request.node, "report_call", None)
    failed = report is None or report.failed
    try:
        chromium.save(request.node.name, failed=failed)
    finally:
        chromium.quit()
