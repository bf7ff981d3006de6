"""The course reads easily: plain, informal Danish, short messages, no officialese or canned praise.

Covers every Danish string in dialogs/: the course files and the N_() messages in the Python code.
"""
import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

import dialogs
from dialogs.babel_extract import translatable_strings
from dialogs.engine import COURSE_DIR, load_course, read_course_data, step_params
from dialogs.lix import counts, lix, lix_total

COURSE_TEXTS = [text for text, _ in translatable_strings(read_course_data(COURSE_DIR))]
CODE_TEXTS = [
    message
    for path in sorted(Path(dialogs.__file__).parent.glob("*.py"))
    for _, message, _, _ in extract_from_file("python", path, keywords={"N_": None})
]
ALL_TEXTS = COURSE_TEXTS + CODE_TEXTS
COURSE = load_course()
GUIDE_MESSAGES = [m for step in COURSE.steps.values() for m in step.messages]
GUIDE_MESSAGES += [step.hint for step in COURSE.steps.values() if step.hint]

MAX_LIX_TOTAL = 25
MAX_LIX_MESSAGE = 35
LIX_MIN_WORDS = 10
MAX_WORDS = 25
OFFICIALESE = (
    "borgeren", "ydelse", "bevilling", "jf.", "§", "ansøgning", "hermed", "såfremt", "vedrørende",
    "iht.", "pågældende", "foranstaltning", "i henhold til", "venligst", "undertegnede", "herunder",
)
PRAISE = ("godt!", "super", "flot", "fantastisk", "perfekt", "sejt", "skønt", "dejligt", "fedt",
          "godt klaret", "godt gået", "fremragende")


def test_there_is_text_to_check():
    assert len(COURSE_TEXTS) > 80 and len(CODE_TEXTS) > 20


def test_course_text_is_very_easy_to_read():
    assert lix_total(COURSE_TEXTS) <= MAX_LIX_TOTAL
    assert lix_total(ALL_TEXTS) <= MAX_LIX_TOTAL


@pytest.mark.parametrize("text", [t for t in ALL_TEXTS if counts(t).words >= LIX_MIN_WORDS])
def test_no_longer_message_is_hard_to_read(text):
    assert lix(text) <= MAX_LIX_MESSAGE


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_messages_are_short_and_not_empty(text):
    assert text.strip() == text and text
    assert counts(text).words <= MAX_WORDS


def test_guide_speaks_to_you_informally():
    informal = [m for m in GUIDE_MESSAGES if re.search(r"\b(du|dig|din|dit|dine)\b", m, re.IGNORECASE)]
    assert len(informal) >= len(GUIDE_MESSAGES) / 2
    formal = [t for t in ALL_TEXTS if re.search(r"\b(De|Dem|Deres)\b", t)]
    assert formal == []


def test_no_officialese():
    found = [(word, t) for t in ALL_TEXTS for word in OFFICIALESE if word in t.lower()]
    assert found == []


def test_no_canned_praise_repeated():
    said = Counter(word for t in GUIDE_MESSAGES for word in PRAISE if word in t.lower())
    assert all(n <= 1 for n in said.values()), said


def test_guide_never_says_the_same_thing_twice():
    repeated = [m for m, n in Counter(GUIDE_MESSAGES).items() if n > 1]
    assert repeated == []


def test_no_message_starts_like_the_one_before_it():
    for step in COURSE.steps.values():
        openers = [m.split()[0] for m in step.messages]
        assert len(openers) == len(set(openers)), step.id


def test_buttons_are_short():
    labels = [o.label for step in COURSE.steps.values() for o in step.options]
    assert labels and all(counts(label).words <= 8 for label in labels)


def test_every_step_is_quick_to_answer():
    for step in COURSE.steps.values():
        assert 1 <= len(step.messages) <= 3, step.id
        assert sum(counts(m).words for m in step.messages) <= 45, step.id


def test_every_message_can_be_filled_in():
    for step in COURSE.steps.values():
        params = step_params(COURSE, step.id, {}, budget="50.000 kr.", months="15")
        for text in (*step.messages, step.hint or ""):
            assert "{" not in text.format(**params), step.id
