"""Browser uploads in a real headless Chromium: an HTML form built from boto3's generate_presigned_post, sent
as the browser sends it (a form submission, and a fetch of FormData from another origin under the bucket's
CORS rules)."""

import html
import http.server
import shutil
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from locals3_support import client

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture
def s3(server):
    s3 = client(server.endpoint, signature_version="s3v4")
    s3.create_bucket(Bucket="bkt")
    return s3


def form_page(post, file_field="file"):
    inputs = "\n".join(
        f'<input type="hidden" name="{html.escape(name)}" value="{html.escape(value)}">'
        for name, value in post["fields"].items())
    return f"""<!doctype html><html><head><meta charset="utf-8"></head><body>
<form id="upload" action="{html.escape(post['url'])}" method="post" enctype="multipart/form-data">
{inputs}
<input type="file" id="file" name="{file_field}">
<input type="submit" id="send" value="Upload">
</form></body></html>"""


def test_form_post_from_chromium_stores_the_file(s3, browser, tmp_path):
    post = s3.generate_presigned_post(
        Bucket="bkt", Key="cv/${filename}",
        Fields={"success_action_status": "201", "Content-Type": "text/plain"},
        Conditions=[["starts-with", "$key", "cv/"], {"success_action_status": "201"}, {"Content-Type": "text/plain"},
                    ["content-length-range", 1, 1024 * 1024]],
        ExpiresIn=600)
    page = tmp_path / "form.html"
    page.write_text(form_page(post))
    upload = tmp_path / "résumé.txt"
    upload.write_bytes("Ada Lovelace\nanalyst\n".encode())
    browser.get(page.as_uri())
    browser.find_element(By.ID, "file").send_keys(str(upload))
    browser.find_element(By.ID, "send").click()
    WebDriverWait(browser, 20, poll_frequency=0.1).until(lambda driver: "PostResponse" in driver.page_source)
    # Chromium shows the 201 answer's XML in its viewer: the tags are text there.
    assert "<Key>cv/résumé.txt</Key>" in browser.find_element(By.TAG_NAME, "body").text
    stored = s3.get_object(Bucket="bkt", Key="cv/résumé.txt")
    assert stored["Body"].read() == "Ada Lovelace\nanalyst\n".encode()
    assert stored["ContentType"] == "text/plain"


class OnePage(http.server.BaseHTTPRequestHandler):
    """Serves one page (the class's `page`) on every GET, as the web app's own origin would."""

    page = b""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.page)))
        self.end_headers()
        self.wfile.write(self.page)

    def log_message(self, *args):
        pass


def test_fetch_formdata_upload_from_another_origin_follows_cors(s3, browser, tmp_path):
    s3.put_bucket_cors(Bucket="bkt", CORSConfiguration={"CORSRules": [
        {"AllowedOrigins": ["http://127.0.0.1:*"], "AllowedMethods": ["POST"], "AllowedHeaders": ["*"],
         "ExposeHeaders": ["ETag"]}]})
    post = s3.generate_presigned_post(Bucket="bkt", Key="photos/${filename}", ExpiresIn=600)
    handler = type("Page", (OnePage,), {"page": (form_page(post) + """<script>
document.getElementById('upload').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await fetch(event.target.action, {method: 'POST', body: new FormData(event.target)});
  document.body.dataset.result = response.status + ' ' + response.headers.get('ETag');
});
</script>""").encode()})
    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    try:
        upload = tmp_path / "cat.bin"
        upload.write_bytes(bytes(range(256)) * 64)
        browser.get(f"http://127.0.0.1:{site.server_address[1]}/")
        browser.find_element(By.ID, "file").send_keys(str(upload))
        browser.find_element(By.ID, "send").click()
        WebDriverWait(browser, 20, poll_frequency=0.1).until(
            lambda driver: driver.execute_script("return document.body.dataset.result"))
        result = browser.execute_script("return document.body.dataset.result")
    finally:
        site.shutdown()
        site.server_close()
    stored = s3.get_object(Bucket="bkt", Key="photos/cat.bin")
    assert result == f"204 {stored['ETag']}"
    assert stored["Body"].read() == bytes(range(256)) * 64
