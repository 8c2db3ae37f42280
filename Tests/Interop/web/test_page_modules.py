"""The page's ES modules, imported in headless Chromium from the gateway: payload building, the validation
rules and messages, server error mapping, progress polling with an injected clock, label mini-markup."""

import pytest

from test_site_hosting import stub_api
from web_support import ROOT, Browser, Stack

MODEL = """
const model = {
  numberedCount: 4, scale: {min: 0, max: 7, captions: [], meanings: []},
  sets: [
    {id: 'general', kind: 'general', number: 1, questions: [
      {key: 'job-level', multiple: true, min: 1, max: 2, adjacentOnly: true, messages: {},
       options: ['Expert-level', 'Intermediate', 'Entry', 'Intern'].map((value) => ({value, label: value}))},
      {key: 'deep-mode', label: 'Deep *search*? *\\n{small}*Slower*{/small}', multiple: false, min: 1, max: 1,
       options: [{value: 'Yes'}, {value: 'No'}], messages: {}},
      {key: 'cover-letter-num', multiple: false, numeric: true, min: 1, max: 1, options: [], messages: {}}]},
    {id: 'languages', kind: 'technologies', number: 2, slot: 1, customMaxLength: 6, customMaxEntries: 4,
     technologies: [{key: 'python', label: 'Python'}, {key: 'swift', label: 'Swift'}]},
    {id: 'databases', kind: 'technologies', number: 3, slot: 2, customMaxLength: 50, technologies: [{key: 'sqlite', label: 'SQLite'}]},
    {id: 'additional-info', kind: 'description', number: 4, maxLength: 20, required: true},
    {id: 'about-you', kind: 'about', fields: [{key: 'name', maxLength: 5}, {key: 'email', type: 'email', maxLength: 50},
      {key: 'links', multiple: true, maxItems: 2, maxLength: 30}]},
  ]};
"""


@pytest.fixture(scope="module")
def page(swift_bin, tmp_path_factory):
    work = tmp_path_factory.mktemp("modules")
    stack = Stack(swift_bin / "lambda-emulator", {"APIFunction": stub_api(work / "api")}, {}, work / "stack",
                  ROOT / "frontend")
    downloads = work / "downloads"
    downloads.mkdir()
    browser = Browser(downloads)
    # The error document is a plain page of the same origin: modules import from it without running the app.
    browser.driver.get(stack.url + "/error.html")
    yield browser
    browser.save("test_page_modules")
    browser.quit()
    stack.stop()


def run(page, body):
    """Runs `body` (async, with `model` and the modules in scope) and returns its value."""
    script = f"""
    const done = arguments[arguments.length - 1];
    (async () => {{
      const payload = await import('/js/payload.js');
      const validation = await import('/js/validation.js');
      const progress = await import('/js/progress.js');
      const markup = await import('/js/markup.js');
      {MODEL}
      {body}
    }})().then(done, (error) => done({{thrown: String(error.stack || error)}}));
    """
    result = page.driver.execute_async_script(script)
    assert not (isinstance(result, dict) and "thrown" in result), result
    return result


def test_payload_keeps_every_custom_entry_with_its_years(page):
    result = run(page, """
      return payload.buildPayload(model, {
        general: {'job-level': ['Entry', 'Intern'], 'deep-mode': 'No', 'cover-letter-num': '3'},
        technologies: {languages: {python: 7, swift: 0}, databases: {sqlite: 0}},
        custom: {languages: [{text: ' Haskell ', years: 3}, {text: 'Elm', years: 1}], databases: []},
        description: '  as typed  ',
        about: {name: ' Ann ', links: [' https://a.example ', '', '']},
      });
    """)
    assert result == {
        "general": [{"job-level": ["Entry", "Intern"]}, {"deep-mode": "No"}, {"cover-letter-num": 3}],
        "languages": [{"python": 7}, {"text-field1": "Haskell"}, {"text-field1-slider": 3},
                      {"text-field1-2": "Elm"}, {"text-field1-2-slider": 1}],
        "additional-info": [{"additional-info": "  as typed  "}],
        "about-you": [{"name": "Ann"}, {"links": ["https://a.example"]}],
    }


def test_validation_rules_and_messages(page):
    result = run(page, """
      const check = (general, description = 'me', custom = {}, about = {name: '', email: '', links: []}) =>
        validation.validate(model, {general: {'deep-mode': 'Yes', 'cover-letter-num': '1', ...general},
                                    technologies: {}, custom, description, about});
      const level = {'job-level': ['Entry']};
      return {
        ok: check({'job-level': ['Entry', 'Intern']}),
        none: check({'job-level': []}),
        three: check({'job-level': ['Expert-level', 'Intermediate', 'Entry']}),
        apart: check({'job-level': ['Expert-level', 'Entry']}),
        noDeep: check({...level, 'deep-mode': null}),
        blank: check(level, '   '),
        long: check(level, 'x'.repeat(21)),
        graphemes: check(level, String.fromCodePoint(0x1F469, 0x200D, 0x1F4BB).repeat(20)),
        custom: check(level, 'me', {languages: [
          {text: 'python', years: 2}, {text: '', years: 4}, {text: 'toolong', years: 1}, {text: 'Zig', years: 1},
          {text: 'zig', years: 1}, {text: 'Nim', years: 1}]}),
        duplicate: validation.duplicateOf(model.sets[1], [{text: 'Zig'}, {text: ' PYTHON '}]),
        about: check(level, 'me', {}, {name: 'Annabel', email: 'ann@example',
                                       links: ['https://a.example', 'a.example', 'https://c.example']}),
      };
    """)
    assert result["ok"] == []
    assert result["none"] == [{"field": "general.job-level", "message":
                               'Pick at least 1 of "Expert-level", "Intermediate", "Entry", "Intern".'}]
    assert result["three"][0]["message"] == "Pick at most 2."
    assert result["apart"][0]["message"] == ("Two levels must be next to each other (Expert-level and Intermediate, "
                                             "Intermediate and Entry, or Entry and Intern).")
    assert result["noDeep"] == [{"field": "general.deep-mode", "message": 'Missing: answer "Deep search?" (required).'}]
    assert result["blank"] == [{"field": "additional-info", "message":
                                "Please provide a personal description to help us find the most relevant jobs for you."}]
    assert result["long"][0]["message"] == "Shorten the description to 20 characters or fewer (it has 21)."
    assert result["graphemes"] == []
    assert result["custom"] == [
        {"field": "languages.text-field1-2", "message":
         "Years are set for an added technology without a name; type its name or set the years to 0."},
        {"field": "languages.text-field1-3", "message": "Keep the name to 6 characters or fewer."},
        {"field": "languages.text-field1-5", "message": "At most 4 added technologies per set."},
        {"field": "languages.text-field1-6", "message": "At most 4 added technologies per set."},
    ]
    assert result["duplicate"] == {"text": " PYTHON "}
    assert result["about"] == [
        {"field": "about-you.name", "message": "Keep it to 5 characters or fewer."},
        {"field": "about-you.email", "message": "Enter an address like name@example.com, or leave it empty."},
        {"field": "about-you.links", "message": "At most 2 links."},
        {"field": "about-you.links", "message": '"a.example" is not a web address; start it with https://.'},
    ]


def test_server_errors_map_to_fields(page):
    result = run(page, """
      return {
        fields: ['general.job-level', 'general -> cover-letter-num', 'body -> languages -> text-field1-2-slider', 'general[2]',
                 'additional-info -> additional-info', 'about-you.email', 'general -> 0', 'body', 'cloud_development.docker']
          .map(validation.fieldFromServer),
        errors: validation.serverErrors({message: 'Invalid answers', errors: [{field: 'general.job-boards', message: 'unknown board'}]}),
        bare: validation.serverErrors({message: 'Request body is not JSON'}),
      };
    """)
    assert result["fields"] == ["general.job-level", "general.cover-letter-num", "languages.text-field1-2", "general",
                                "additional-info", "about-you.email", "general", None, "cloud-development.docker"]
    assert result["errors"] == [{"field": "general.job-boards", "message": "unknown board"}]
    assert result["bare"] == [{"field": None, "message": "Request body is not JSON"}]


def test_progress_backs_off_and_stops_on_a_final_status(page):
    result = run(page, """
      const delays = [];
      const pending = [];
      const clock = {now: () => 0, after: (ms, action) => { delays.push(ms); pending.push(action); return () => {}; }};
      const answers = [{status: 0}, {status: 503}, {status: 0}, {body: {status: 'running', step: 2}},
                       {body: {status: 'running', step: 3}}, {body: {status: 'complete', step: 6}}];
      const seen = [];
      const finished = new Promise((resolve) => {
        const watcher = new progress.ProgressWatcher('job', async () => {
          const next = answers.shift();
          if (next.body) return next.body;
          const error = new Error('x'); error.status = next.status; throw error;
        }, {
          update: (body) => seen.push(`update ${body.step}`),
          final: (body) => { seen.push(`final ${body.status}`); resolve(); },
          lost: () => seen.push('lost'),
          trouble: (error, delay) => seen.push(`trouble ${error.status} ${delay}`),
        }, {interval: 1000, maxDelay: 5000, clock});
        watcher.start();
        const pump = () => { const action = pending.shift(); if (action) { action(); setTimeout(pump, 0); } };
        setTimeout(pump, 0);
      });
      await finished;
      const lost = await new Promise((resolve) => new progress.ProgressWatcher('gone', async () => {
        const error = new Error('x'); error.status = 404; throw error;
      }, {update() {}, final() {}, trouble() {}, lost: () => resolve('lost')}, {clock}).start());
      return {seen, delays, lost, pendingAfter: pending.length,
              percent: [progress.percentDone({step: 1, phase: 'profiling'}),
                        progress.percentDone({step: 3, step_count: 6, phase: 'searching', counts: {queries_done: 3, queries_total: 6}}),
                        progress.percentDone({step: 6, step_count: 6, phase: 'writing', counts: {letters_written: 2, letters_total: 2}})]};
    """)
    assert result["seen"] == ["trouble 0 2000", "trouble 503 4000", "trouble 0 5000", "update 2", "update 3",
                              "final complete"]
    assert result["delays"] == [2000, 4000, 5000, 1000, 1000]
    assert result["lost"] == "lost"
    assert result["pendingAfter"] == 0
    assert result["percent"] == [0, 42, 100]


def test_label_markup_becomes_nodes_not_html(page):
    result = run(page, """
      const box = document.createElement('p');
      box.append(...markup.renderMarkup('Level? *\\n{small}*two <b>adjacent</b>*{/small}'));
      return {html: box.innerHTML, plain: markup.plainText('Level? *\\n{small}x{/small}'),
              required: markup.parseRequired('Level? *').required, optional: markup.parseRequired('Level?').required};
    """)
    assert result["html"] == ('Level?<span class="required-mark" aria-hidden="true">*</span>'
                              '<span class="visually-hidden"> (required)</span><br>'
                              '<small class="hint"><em>two &lt;b&gt;adjacent&lt;/b&gt;</em></small>')
    assert result["plain"] == "Level?"
    assert result["required"] is True and result["optional"] is False


def test_result_cards_name_the_writer_and_flag_the_fallback(page):
    result = run(page, """
      const { jobCard, writerNote } = await import('/js/job-card.js');
      const job = {title: 'Dev', company: 'Koodi Oy', location: 'Helsinki', score: 80, url: '', matched_skills: [],
                   letter_file_name: 'koodi-oy-dev-cover-letter.docx'};
      const text = (extra) => writerNote({...job, ...extra})?.textContent ?? null;
      const fallback = jobCard({...job, letter_writer: 'offline', letter_fallback_reason: 'HTTP 500.'}, 1, () => {});
      return {
        model: text({letter_writer: 'gpt-4o-mini'}), offline: text({letter_writer: 'offline'}), old: text({}),
        fallback: fallback.querySelector('.letter-writer').textContent,
        flagged: fallback.querySelector('.letter-writer').classList.contains('fallback'),
        download: fallback.querySelector('.download-letter').textContent,
        unexplained: fallback.querySelector('.why') === null && fallback.querySelector('.preview-letter') === null,
      };
    """)
    assert result["model"] == "Letter written by the AI writer (gpt-4o-mini)."
    assert result["offline"] == "Letter written by the offline writer."
    assert result["old"] is None
    assert result["fallback"] == ("Fallback letter: written by the offline writer "
                                  "(the AI writer's letter could not be used: HTTP 500.)")
    assert result["flagged"] is True
    # The visible label comes first in the accessible name; what it is for follows, hidden.
    assert result["download"] == "Download letter for Dev at Koodi Oy"
    assert result["unexplained"] is True, "results stored before breakdowns and previews still render"


def test_result_cards_explain_the_score_and_preview_the_letter(page):
    result = run(page, """
      const { jobCard, pointsText } = await import('/js/job-card.js');
      const job = {title: 'Dev', company: 'Koodi Oy', location: 'Oulu', score: 16, url: 'https://x.test/1',
        matched_skills: ['Python'], letter_file_name: 'a.docx', letter_writer: 'offline',
        score_breakdown: {parts: [
          {kind: 'skills', points: 40, max_points: 70, text: 'You have 1 of the 2 required skills.'},
          {kind: 'level', points: 11, max_points: 20, text: 'The ad does not say which level it is for.'},
          {kind: 'relocation', points: -35, max_points: 0, text: 'On site in another city.'}],
          matched_required: ['Python'], matched_nice_to_have: [], missing_required: ['Go'], missing_nice_to_have: ['Rust']},
        letter_preview: {salutation: 'Dear team,', paragraphs: ['One.', 'Two.'], closing: 'Best,', language: 'English'}};
      const card = jobCard(job, 0, () => {});
      document.body.append(card);
      const toggle = card.querySelector('.preview-letter');
      const before = {hidden: card.querySelector('.letter-preview').hidden, expanded: toggle.getAttribute('aria-expanded')};
      toggle.click();
      const after = {hidden: card.querySelector('.letter-preview').hidden, expanded: toggle.getAttribute('aria-expanded'),
                     label: toggle.querySelector('.label').textContent};
      card.remove();
      return {
        summary: card.querySelector('.why summary').textContent,
        parts: [...card.querySelectorAll('.score-parts li')].map((li) => li.textContent),
        lowered: card.querySelector('.lowered').textContent,
        missing: [...card.querySelectorAll('ul.missing')].map((ul) => [ul.getAttribute('aria-label'), ul.textContent]),
        letter: [...card.querySelectorAll('.letter-text p')].map((p) => p.textContent),
        controls: toggle.getAttribute('aria-controls') === card.querySelector('.letter-preview').id,
        before, after, points: [pointsText({points: 5, max_points: 9}), pointsText({points: -10, max_points: 0})],
      };
    """)
    assert result["summary"] == "Why 16/100"
    assert result["parts"] == ["Skills+40 of 70You have 1 of the 2 required skills.",
                               "Level+11 of 20The ad does not say which level it is for.",
                               "Moving−35On site in another city."]
    assert result["lowered"] == "Held back by: a move you do not want (−35)."
    assert result["missing"] == [["Required skills you did not list", "Go"], ["Nice-to-haves you did not list", "Rust"]]
    assert result["letter"] == ["Dear team,", "One.", "Two.", "Best,"]
    assert result["controls"] is True
    assert result["before"] == {"hidden": True, "expanded": "false"}
    assert result["after"] == {"hidden": False, "expanded": "true", "label": "Hide preview"}
    assert result["points"] == ["+5 of 9", "−10"]


def test_progress_counts_show_only_when_they_mean_something(page):
    result = run(page, """
      const { countRows, clockText } = await import('/js/progress-view.js');
      const counts = {queries_done: 4, queries_total: 10, listings_found: 200, listings_scored: 20, letters_written: 0, letters_total: 0};
      return {
        start: countRows({step: 1, counts: {queries_total: 0}}),
        querying: countRows({step: 2, counts: {...counts, queries_done: 0, listings_found: 0}}),
        scoring: countRows({step: 4, counts, search_stop: {reason: 'listing_cap'}}),
        planning: countRows({step: 5, counts}),
        writing: countRows({step: 6, counts: {...counts, letters_total: 3, letters_written: 1}}),
        clock: [clockText(0), clockText(65.9), clockText(3600)],
      };
    """)
    assert result["start"] == []
    assert result["querying"] == [["Search queries", "0 of 10"]]
    assert result["scoring"] == [["Search queries", "4 of 10", "stopped early"], ["Job ads found", "200"],
                                 ["Job ads scored", "20 of 200"]]
    assert result["planning"] == [["Search queries", "4 of 10"], ["Job ads found", "200"], ["Job ads scored", "20 of 200"]]
    assert result["writing"][-1] == ["Letters written", "1 of 3"]
    assert result["clock"] == ["0:00", "1:05", "60:00"]


def test_the_job_lives_in_the_address(page):
    result = run(page, """
      const link = await import('/js/job-link.js');
      const id = '0f0e0d0c-0b0a-4908-8706-050403020100';
      link.rememberJob(id);
      const remembered = link.rememberedJob();
      link.forgetJob();
      return {
        found: link.jobInAddress(`https://x.test/?job=${id}`),
        malformed: [link.jobInAddress('https://x.test/?job=../../etc'), link.jobInAddress('https://x.test/?job=ABC'),
                    link.jobInAddress('https://x.test/')],
        address: link.addressFor(id, 'https://x.test/?lang=fi#top'),
        cleared: link.addressFor(null, `https://x.test/?job=${id}&lang=fi`),
        remembered, forgotten: link.rememberedJob(),
      };
    """)
    assert result["found"] == "0f0e0d0c-0b0a-4908-8706-050403020100"
    assert result["malformed"] == [None, None, None]
    assert result["address"] == "/?lang=fi&job=0f0e0d0c-0b0a-4908-8706-050403020100#top"
    assert result["cleared"] == "/?lang=fi"
    assert result["remembered"] == "0f0e0d0c-0b0a-4908-8706-050403020100"
    assert result["forgotten"] is None


def test_the_example_uses_the_questionnaire_presets_and_says_so(page):
    result = run(page, """
      const { exampleAnswers } = await import('/js/example-profile.js');
      model.sets[1].technologies = [{key: 'python', label: 'Python', defaultYears: 7}, {key: 'swift', label: 'Swift', defaultYears: 0}];
      model.sets[2].technologies = [{key: 'sqlite', label: 'SQLite', defaultYears: 7}];
      return exampleAnswers(model);
    """)
    answers = result["answers"]
    assert answers["technologies"] == {"languages": {"python": 7, "swift": 0}, "databases": {"sqlite": 7}}
    assert answers["custom"] == {"languages": [], "databases": []}
    assert answers["general"] == {"job-level": ["Intermediate", "Entry"], "deep-mode": "No", "cover-letter-num": "2"}
    assert "Python" in answers["description"]
    assert result["summary"].startswith("a web developer with Python and SQLite")
