"""What a language model writes reaches a citizen only through the same checks as our own text."""
import pytest

from dialogs import lix
from dialogs.llm_guard import guarded, verdict

MUST_PASS = [
    # (model text, language, source the model was given)
    ("Hvad er godt i dit liv lige nu?", "da", ""),
    ("Hvad går godt for dig?", "da", ""),
    ("Jeg vil have mit eget sted at bo.", "da", ""),
    ("Du vil gerne have ro og et sted, der er dit eget.", "da", ""),
    ("Hvad vil du gerne bruge 50.000 kr. på?", "da", "Du har 50.000 kr. at bruge i 12 måneder."),
    ("Du kan bruge pengene i 12 måneder. Hvad vil du helst?", "da", "Du har 50.000 kr. at bruge i 12 måneder."),
    ("Hvad får dig til at smile?", "da", ""),  # "får dig" is no promise
    ("Din bror hjælper dig, når det er svært.", "da", ""),
    ("Min cykel er død, og du vil gerne have en ny.", "da", ""),  # everyday words, no crisis
    ("What makes a good day for you?", "en", ""),
    ("  \"Hvad er vigtigt for dig?\"  ", "da", ""),  # quotes and spaces are trimmed
    ("Hvad er svært?\nHvad hjælper?", "da", ""),  # a line break is no list
    ("Du vil gerne tage kørekort - og have et job.", "da", ""),
    ("Hvad er din drøm?", "da", ""),
    ("Jeg vil have et job.", "da", ""),  # "have" is Danish too
    ("I want a home of my own.", "en", ""),
]

MUST_DROP = [
    # (model text, language, source, the check that must fail)
    ("", "da", "", "empty"),
    ("   ", "da", "", "empty"),
    ("Se mere på https://borger.dk om hjælp.", "da", "", "link"),
    ("Læs om det på www.sundhed.dk i dag.", "da", "", "link"),
    ("Kig på borger.dk for at se mere.", "da", "", "link"),
    ("Skriv til hjælp@kommune.dk hvis du vil.", "da", "", "email"),
    ("Ring til 70 20 12 01 hvis du vil.", "da", "", "phone"),
    ("Ring på +45 12345678 nu.", "da", "", "phone"),
    ("Hvad er **godt** i dit liv?", "da", "", "markup"),
    ("# Dit mål", "da", "", "markup"),
    ("- Bo selv\n- Få et job", "da", "", "markup"),
    ("1. Bo selv", "da", "", "markup"),
    ("Hvad er [godt](x) for dig?", "da", "", "markup"),
    ("Hvad er <b>godt</b> for dig?", "da", "", "markup"),
    ("Du er god :material/star: til det.", "da", "", "markup"),
    ("Du får en ny seng.", "da", "", "promise"),
    ("Du faar pengene snart.", "da", "", "promise"),
    ("Sengen bliver godkendt.", "da", "", "promise"),
    ("Det betaler kommunen.", "da", "", "promise"),
    ("Kommunen betaler for det.", "da", "", "promise"),
    ("Din plan er godkendt.", "da", "", "promise"),
    ("Det skal nok gå.", "da", "", "promise"),
    ("You will get the money.", "en", "", "promise"),
    ("It will be approved.", "en", "", "promise"),
    ("Hvad med 3.000 kr. til en seng?", "da", "Hvad vil du gerne have?", "number"),
    ("Du vil ikke leve mere.", "da", "", "crisis"),
    ("Har du tanker om selvmord?", "da", "", "crisis"),
    ("Administrationsmedarbejderens vurderingsgrundlag indeholder omfattende dokumentationskrav "
     "vedrørende bevillingsmuligheder.", "da", "", "lix"),
    ("Ja. " * 5 + "Nej.", "da", "", "sentences"),
    ("Hvad vil du? " * 40, "da", "", "length"),
    ("Hvad er godt?", "de", "", "language"),
    ("What is good in your life right now?", "da", "", "language"),  # the model answered in English
    ("Hvad er godt i dit liv?", "en", "", "language"),
]


@pytest.mark.parametrize(("text", "language", "source"), MUST_PASS)
def test_must_pass(text, language, source):
    result = guarded(text, language, source=source)
    assert result is not None, verdict(text, language, source=source).failed
    assert result == " ".join(text.split()).strip('"')
    assert lix.lix(result) <= lix.CITIZEN_TEXT_MAX


@pytest.mark.parametrize(("text", "language", "source", "check"), MUST_DROP)
def test_must_drop(text, language, source, check):
    assert guarded(text, language, source=source) is None
    assert check in verdict(text, language, source=source).failed


@pytest.mark.parametrize("not_text", [None, 42, ["Hej"], b"Hej"])
def test_anything_but_text_is_dropped(not_text):
    assert guarded(not_text, "da") is None


def test_control_characters_are_removed_not_shown():
    assert guarded("Hvad er\u0000 godt\u0007 for dig?", "da") == "Hvad er godt for dig?"


def test_a_goal_may_be_held_to_one_sentence_and_a_shorter_cap():
    assert guarded("Jeg vil bo selv. Jeg vil have et job.", "da", max_sentences=1) is None
    assert guarded("Jeg vil bo selv.", "da", max_sentences=1) == "Jeg vil bo selv."
    assert guarded("Jeg vil bo selv og have et godt job.", "da", max_chars=20) is None


def test_verdict_names_every_failed_check_and_the_lix():
    result = verdict("Du får **penge** på https://x.dk", "da")
    assert not result.ok and result.text is None
    assert {"promise", "markup", "link"} <= set(result.failed)
    ok = verdict("Hvad er godt?", "da")
    assert ok.ok and ok.failed == () and ok.lix == lix.lix("Hvad er godt?")
