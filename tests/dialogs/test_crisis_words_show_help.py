"""Crisis words are noticed (with and without æøå, misspelt, in English); everyday words are not."""
import pytest

from dialogs.babel_extract import translatable_strings
from dialogs.engine import COURSE_DIR, read_course_data
from dialogs.safety import HELP_LINES, NOT_EMERGENCY, CrisisSignal, detect_crisis

MUST_TRIGGER = [
    ("Jeg tænker på selvmord", "suicide"),
    ("jeg har selvmordstanker", "suicide"),
    ("selvmorl", "suicide"),
    ("SELVMORD", "suicide"),
    ("selmord", "suicide"),
    ("jeg vil tage mit eget liv", "suicide"),
    ("nogle gange vil jeg ta mit liv", "suicide"),
    ("jeg vil ikke leve mere", "suicide"),
    ("jeg kan ikke leve længere", "suicide"),
    ("jeg orker ikke at leve laengere", "suicide"),
    ("jeg vil ikke leve lngere", "suicide"),
    ("jeg vil slå mig selv ihjel", "suicide"),
    ("jeg vil slaa mig selv ihjel", "suicide"),
    ("jeg vil sla mig ihjel", "suicide"),
    ("jeg vil bare dø", "suicide"),
    ("jeg vil gerne doe", "suicide"),
    ("jeg ville ønske jeg var død", "suicide"),
    ("det var bedre hvis jeg var død", "suicide"),
    ("jeg har ikke noget at leve for", "suicide"),
    ("jeg vil gøre en ende på det hele", "suicide"),
    ("jeg vil ikke vågne op igen", "suicide"),
    ("jeg er træt af livet", "suicide"),
    ("jeg er traet af at leve", "suicide"),
    ("jeg har ikke lyst til at leve", "suicide"),
    ("I want to kill myself", "suicide"),
    ("thinking about suicide", "suicide"),
    ("I want to end my life", "suicide"),
    ("i dont want to live anymore", "suicide"),
    ("jeg skærer i mig selv", "self_harm"),
    ("jeg har lyst til at skære i mig selv", "self_harm"),
    ("jeg skaerer i armene", "self_harm"),
    ("jeg cutter", "self_harm"),
    ("jeg har cuttet igen", "self_harm"),
    ("jeg vil gøre skade på mig selv", "self_harm"),
    ("jeg gor skade pa mig selv", "self_harm"),
    ("jeg skader mig selv", "self_harm"),
    ("jeg slår mig selv når jeg er vred", "self_harm"),
    ("selvskade", "self_harm"),
    ("self harm", "self_harm"),
    ("self-harm", "self_harm"),
    ("I hurt myself", "self_harm"),
    ("jeg vil slå ham ihjel", "violence"),
    ("jeg kunne slaa hende ihjel", "violence"),
    ("jeg vil dræbe ham", "violence"),
    ("jeg stikker ham ned", "violence"),
    ("min kæreste slår mig", "violence"),
    ("han truer mig", "violence"),
    ("jeg blev slået i går", "violence"),
    ("jeg har taget et tilbagefald", "relapse"),
    ("jeg har fået et tilbagefald", "relapse"),
    ("jeg fik et lille tilbagefald i weekenden", "relapse"),
    ("jeg er begyndt at drikke igen", "relapse"),
    ("jeg er begyndt at tage stoffer igen", "relapse"),
    ("jeg drikker igen", "relapse"),
    ("jeg har skudt mig igen", "relapse"),
    ("jeg har fixet igen", "relapse"),
    ("jeg er faldet i igen", "relapse"),
    ("jeg har taget heroin igen", "relapse"),
    ("I relapsed last week", "relapse"),
    ("relapse", "relapse"),
]

MUST_NOT_TRIGGER = [
    "jeg er træt af min gamle cykel",
    "mit liv er fint",
    "jeg drikker kaffe",
    "jeg drikker kaffe igen hver morgen",
    "jeg vil gerne være selvstændig",
    "selvstændig",
    "det er dræbende kedeligt",
    "en kniv til køkkenet",
    "jeg vil gerne have en ny kniv til køkkenet",
    "jeg skærer grøntsager",
    "jeg vil skære ned på smøgerne",
    "jeg vil gerne leve et roligt liv",
    "jeg vil leve mere sundt",
    "jeg kan ikke leve uden min hund",
    "jeg vil gerne slå mig ned et roligt sted",
    "jeg var ved at dø af grin",
    "jeg vil gerne dø gammel og glad",
    "min mor døde sidste år",
    "jeg vil tage mit liv i egen hånd",
    "jeg vil tage mit liv tilbage",
    "jeg har taget kørekort",
    "jeg drikker ikke mere",
    "jeg vil stoppe med at drikke",
    "jeg er bange for at få et tilbagefald",
    "en cutter til at skære pap",
    "min søster slog mig i ludo",
    "jeg hænger ud med mine venner",
    "jeg er begyndt at løbe igen",
    "jeg er begyndt at spise igen",
    "det er killer godt",
    "det er selvmodsigende",
    "jeg vil gerne have et liv med mening",
    "I like my life",
    "jeg har det godt",
    "",
]


@pytest.mark.parametrize(("text", "category"), MUST_TRIGGER)
def test_crisis_phrase_gives_signal(text, category):
    assert detect_crisis(text) == CrisisSignal(category)


@pytest.mark.parametrize("text", MUST_NOT_TRIGGER)
def test_everyday_phrase_gives_no_signal(text):
    assert detect_crisis(text) is None


def test_lists_are_long_enough():
    assert len(MUST_TRIGGER) >= 40
    assert len(MUST_NOT_TRIGGER) >= 25


def test_help_lines_offer_more_than_one_number_and_say_app_is_no_emergency_service():
    numbers = {line.phone for line in HELP_LINES}
    assert {"112", "70 201 201", "1813", "70 23 27 50", "70 100 130"} <= numbers
    assert all(line.tel.replace("+", "").isdigit() for line in HELP_LINES)
    assert "ikke en nødtjeneste" in NOT_EMERGENCY
    assert "112" in NOT_EMERGENCY


def test_signal_does_not_carry_the_citizens_words():
    signal = detect_crisis("jeg tænker på selvmord")
    assert vars(signal) == {"category": "suicide"}


def test_the_course_itself_never_looks_like_a_crisis():
    texts = [text for text, _ in translatable_strings(read_course_data(COURSE_DIR))]
    assert [t for t in texts if detect_crisis(t)] == []
