"""A typed yes or no is read the same everywhere (a yes/no step, the read-back of a wish), in the ways this
group writes it, in Danish, English and Arabic; anything more than a yes or a no is neither."""
from __future__ import annotations

import pytest

from dialogs.answers import validate_answer
from dialogs.model import Step
from dialogs.yes_no import is_no, is_yes

YES = ["ja", "Ja!", "jep", "jaaa", "ja tak.", "JA TAK", "det passer", "ok", "yes please", "نعم", "أيوه", "ايوه",
       "تمام", "helt sikkert", "Det vil jeg gerne.", "ja, meget gerne", "absolut"]
NO = ["nej", "Nej.", "neej", "neeej", "nope", "nej tak", "det passer ikke", "no", "لا", "كلا", "غلط", "aldrig",
      "nej, ikke lige nu", "det tror jeg ikke", "nææ", "niks", "helst ikke"]
NEITHER = ["", "måske", "ja men prisen er forkert", "nej, den koster 3000", "jamen", "ved ikke", "لا أعرف", "janne"]


@pytest.mark.parametrize("text", YES)
def test_yes(text):
    assert is_yes(text) and not is_no(text)


@pytest.mark.parametrize("text", NO)
def test_no(text):
    assert is_no(text) and not is_yes(text)


@pytest.mark.parametrize("text", NEITHER)
def test_neither(text):
    assert not is_yes(text) and not is_no(text)


def test_a_yes_no_step_takes_the_same_words():
    step = Step(id="q", module="m", messages=("Vil du?",), kind="yesno", default="end")
    assert validate_answer(step, "jep").value is True
    assert validate_answer(step, "neej").value is False
    assert not validate_answer(step, "måske").ok
