"""A letter built by JobsAI's .docx writer opens in python-docx with its parts where a reader expects them.

The letter is written by a Swift test that only runs when JOBSAI_DOCX_SAMPLE_PATH is set
(DocumentTests.writeInteropSample): the offline writer's letter for a sample listing, as a .docx.
"""

import os
import subprocess
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
