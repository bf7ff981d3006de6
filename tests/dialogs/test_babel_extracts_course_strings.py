"""pybabel finds every user-facing string in the course files, with its line number."""
import io

from babel.messages.extract import extract

from dialogs.babel_extract import extract_dialog
from dialogs.engine import COURSE_DIR, load_course

SAMPLE = '''\
[[modules]]
id = "now"
title = "Hvor er du nu?"

[[modules.steps]]
id = "now_housing"
kind = "choice"
hint = "Vælg det, der passer bedst."
messages = [
  "Hvordan er det med at bo?",
  "Sig \\"bolig\\", hvis du vil.",
]
options = [
  { value = "fine", label = "Ja" },
  { value = "none", label = "Nej" },
]
default = "again"

[[modules.steps]]
id = "again"
kind = "choice"
messages = ["Igen?"]
options = [{ value = "yes", label = "Ja" }]
default = "end"
'''


def run(text: str) -> list[tuple[int, str, list[str]]]:
    found = extract_dialog(io.BytesIO(text.encode("utf-8")), ["N_"], [], {})
    return [(line, message, comments) for line, _, message, comments in found]


def test_titles_messages_hints_and_labels_are_found_on_their_lines():
    assert [(line, message) for line, message, _ in run(SAMPLE)] == [
        (3, "Hvor er du nu?"),
        (10, "Hvordan er det med at bo?"),
        (11, 'Sig "bolig", hvis du vil.'),
        (8, "Vælg det, der passer bedst."),
        (14, "Ja"),
        (15, "Nej"),
        (22, "Igen?"),
        (23, "Ja"),
    ]


def test_translators_see_which_step_a_string_belongs_to():
    comments = [c for _, _, c in run(SAMPLE)]
    assert comments[0] == ["course module now: title"]
    assert comments[4] == ["course step now_housing: option fine"]


def test_babel_takes_the_extractor_output():
    messages = [m for _, m, _, _ in extract(extract_dialog, io.BytesIO(SAMPLE.encode()), keywords={"N_": None})]
    assert "Hvordan er det med at bo?" in messages


def test_every_string_of_the_real_course_is_extracted():
    course = load_course()
    expected = {m.title for m in course.modules}
    for step in course.steps.values():
        expected |= set(step.messages) | {o.label for o in step.options} | ({step.hint} if step.hint else set())
        expected |= {step.simple, *step.examples}
    extracted = set()
    for path in sorted(COURSE_DIR.glob("*.toml")):
        raw = path.read_bytes()
        for line, _, message, _ in extract_dialog(io.BytesIO(raw), ["N_"], [], {}):
            assert message.splitlines()[0] in raw.decode().splitlines()[line - 1]
            extracted.add(message)
    assert extracted == expected
