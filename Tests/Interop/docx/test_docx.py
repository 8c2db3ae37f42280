"""A letter built by JobsAI's .docx writer opens in python-docx with its parts where a reader expects them.

The letter is written by a Swift test that only runs when JOBSAI_DOCX_SAMPLE_PATH is set
(DocumentTests.writeInteropSample): the offline writer's letter for a sample listing, as a .docx.
"""

import os
import subprocess
import zipfile
from pathlib import Path

import docx
from docx.shared import Mm

ROOT = Path(__file__).resolve().parents[3]


def write_sample(path: Path) -> None:
    env = dict(os.environ, JOBSAI_DOCX_SAMPLE_PATH=str(path))
    result = subprocess.run(
        ["swift", "test", "--skip-build", "--filter", "writeInteropSample"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert path.exists(), "the Swift test did not write the sample letter"


def test_letter_opens_with_company_title_and_body(tmp_path):
    path = tmp_path / "letter.docx"
    write_sample(path)
    document = docx.Document(str(path))

    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    texts = [text for _, text in paragraphs]
    assert "Koodi Oy" in texts
    assert "Application: Backend Developer" in texts
    assert texts[0] == "Aino Virtanen"
    assert texts[-1] == "Aino Virtanen"

    body = [text for style, text in paragraphs if style == "Body Text"]
    assert body[0] == "Dear Koodi Oy hiring team,"
    assert len(body) >= 4
    assert any("Backend Developer position at Koodi Oy" in text for text in body)
    assert any("more than three years of Python" in text for text in body)
    assert "Kind regards," in texts

    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1)
    assert abs(section.page_height - Mm(297)) < Mm(1)
    assert abs(section.left_margin - Mm(25.4)) < Mm(0.5)

    properties = document.core_properties
    assert properties.title == "Cover letter: Backend Developer at Koodi Oy"
    assert properties.author == "Aino Virtanen"
    assert "offline" in properties.comments


def test_finnish_letter_without_a_name_has_no_sign_off(tmp_path):
    path = tmp_path / "letter.docx"
    write_sample(path)
    document = docx.Document(str(path) + "-fi.docx")

    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    texts = [text for _, text in paragraphs]
    assert "Hakemus: Backend Developer" in texts
    assert texts[0] == "26.11.2025"
    body = [text for style, text in paragraphs if style == "Body Text"]
    assert body[0] == "Hei,"
    assert any("Backend Developer -tehtävää Helsingissä" in text for text in body)
    assert any("yli kolmen vuoden Python-kokemus" in text for text in body)
    assert not [text for style, text in paragraphs if style in ("Closing", "Signature")]
    assert texts[-1] == body[-1]


def test_letters_and_their_bundle_are_valid_zips(tmp_path):
    """The zip writer's output passes Info-ZIP's and Python's integrity checks (CRC-32, sizes, directory)."""
    path = tmp_path / "letter.docx"
    write_sample(path)
    bundle = Path(str(path) + "-bundle.zip")
    for archive in (path, bundle):
        result = subprocess.run(["unzip", "-t", str(archive)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0 and "No errors detected" in result.stdout, result.stdout + result.stderr
        with zipfile.ZipFile(archive) as opened:
            assert opened.testzip() is None
            for info in opened.infolist():
                assert info.date_time == (2025, 11, 26, 12, 0, 0)  # the letter's date, in UTC
    with zipfile.ZipFile(path) as opened:
        assert {info.compress_type for info in opened.infolist()} == {zipfile.ZIP_DEFLATED}
        assert "[Content_Types].xml" in opened.namelist()
    with zipfile.ZipFile(bundle) as opened:
        names = opened.namelist()
        stem = "koodi-oy-backend-developer-cover-letter"
        assert names == [f"{stem}.docx", f"{stem}-2.docx"]
        for name in names:
            letter = tmp_path / name
            letter.write_bytes(opened.read(name))
            assert docx.Document(str(letter)).paragraphs
