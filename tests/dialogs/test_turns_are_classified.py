"""The guide hears what a free-text turn is before the step reads it as an answer (dialogs/turns.py).

Table-driven: at least 20 turns of each kind, written as this group writes (typos, no æøå, "ik"), and a large
set of genuine answers that must stay answers. `python -m tests.dialogs.test_turns_are_classified` prints the
counts for the report.
"""
from __future__ import annotations

import pytest

from dialogs.engine import load_course
from dialogs.replies import Then, reply_to
from dialogs.turns import TurnKind, classify, fold, hear, yes_or_no

COURSE = load_course()
STEP = COURSE.step("now_hard")  # an open question about the citizen's life
WISH, WISH_MORE, GOAL = COURSE.step("wish_1"), COURSE.step("wish_more_1"), COURSE.step("goal_1")

DONT_KNOW = [
    "ved ikke", "Ved ikke.", "det ved jeg ikke", "aner det ikke", "ik ved", "vedikke", "idk", "ved ik",
    "det ved jeg sgu ikke", "jeg ved det ikke", "aner det ik", "ingen anelse", "ingen ide", "øh ved ikke",
    "hmm ved ikke helt", "Det ved jeg ikke rigtig", "jeg aner ikke", "ved ikk", "ved det ik", "tja",
    "kan ikke komme på noget", "kommer ikke paa noget", "det har jeg ikke tænkt over", "ved ikke hvad jeg skal skrive",
    "jeg er ikke sikker", "spørg mig senere", "ved ikkeee", "VED IKKE", "aner ikke",
    "ved ik lige", "aner ik", "det ved jeg ikk", "veed ikke", "ved sgu ikke", "ikke nogen anelse", "har ingen anelse",
    "svært at svare på", "har ikke tænkt på det", "kan ikke finde på noget", "det ved jeg faktisk ikke", "er i tvivl",
    "kommer ikke i tanke om noget", "øhh ved ikke", "ved ikke hvad jeg vil", "det ved jeg egentlig ikke",
    "ingen anelse haha", "ved ikke...", "Ved ikke?",
]
WHAT_DO_YOU_MEAN = [
    "hvad mener du?", "hva mener du", "hvad mner du", "forstår ikke", "forstaar ikke", "fatter ikke",
    "jeg forstår ikke spørgsmålet", "hvad betyder det?", "hæ?", "hva?", "hvad mener du med det", "fatter ik",
    "jeg fatter det ikke", "kan du sige det på en anden måde", "sig det igen", "forklar", "hvad skal jeg skrive?",
    "jeg forstår ikke hvad du mener", "ved ikke hvad du mener", "hvad vil du vide", "forstår det ik",
    "hvad menr du", "jeg er ikke med", "hvad spørger du om?",
    "hvad mener du helt præcist", "hvad er det for et spørgsmål", "øh hvad", "hvad menes der", "kan ikke forstå det",
    "jeg kan ikke forstå spørgsmålet", "forstår ikke hvad du spørger om", "hvordan mener du det",
    "hvad skal jeg svare på", "hvad går spørgsmålet ud på", "ka du forklare", "huh?", "hvad for noget?",
    "Hvad mener du??", "jeg forstår ikke helt",
    "hvad er et delmål?", "hvad er en støtteperson",  # a word of the question itself
]
QUESTION = [
    "kan jeg få penge til husleje??", "kan jeg faa en cykel?", "må jeg købe tøj for pengene?", "hvad med min hund?",
    "hvordan får jeg pengene?", "maa jeg bruge dem på mad", "kan man få en computer", "hvornår får jeg pengene?",
    "hvor meget må jeg bruge på en seng?", "hvem betaler for kørekortet?", "er det muligt at få tandlæge?",
    "kan jeg bruge pengene på min gæld", "kan jeg købe en telefon?", "kan min støtteperson ringe til mig?",
    "jeg har et spørgsmål til min støtteperson", "skal jeg selv betale noget?", "hvad koster det?",
    "kan jeg også få hjælp til flytning", "må pengene gå til husleje?", "kan i hjælpe med at finde en lejlighed?",
    "hvad hvis jeg ikke bruger alle pengene?", "kan jeg?", "må jeg godt tage min kæreste med?",
    "Hvad kan jeg få?", "kan jeg faa penge til husleje",
    "hvordan kan jeg få pengene?", "får jeg pengene på kontoen?", "hvor meget får jeg?", "kan jeg søge om mere?",
    "jeg vil gerne spørge min støtteperson om noget", "kan jeg tale med min støtteperson?",
    "hvad sker der hvis jeg ikke bruger pengene?", "er det rigtigt at jeg kan få 50000?",
    "kan pengene bruges til tandlæge?", "må man købe en computer?", "ka jeg få en cykel?", "maa jeg kobe toj?",
]
BACK = [
    "kan jeg gå tilbage", "kan jeg gå et skridt tilbage?", "spørgsmålet før",
    "tilbage", "Tilbage!", "fortryd", "gå tilbage", "ga tilbage", "tilbge", "et skridt tilbage", "forrige",
    "forrige spørgsmål", "fortryd det", "jeg vil tilbage", "kan vi gå tilbage?", "tilbage tak", "fortryder",
    "jeg fortryder", "undo", "back", "jeg skrev forkert", "jeg vil gå tilbage", "fortryd sidste",
    "tilbage til forrige", "fortrd",
    "tilbage til sidste spørgsmål", "jeg vil ændre mit svar", "kan jeg ændre mit svar?", "ret mit svar",
    "jeg trykkede forkert", "hov", "ups", "tilbage!!",
]
PAUSE = [
    "jeg holder en pause", "vi tager resten i morgen", "fortsætter senere", "resten i morgen", "jeg må gå",
    "stop", "STOP", "pause", "jeg gider ikke mere", "gider ik mere", "orker ikke mere", "jeg orker ikke mere",
    "jeg gider ikke", "pauze", "jeg holder pause", "kan vi holde pause?", "nok for i dag", "jeg er for træt til mere",
    "gider ikke svare mere", "farvel", "vi ses", "jeg vil stoppe", "jeg stopper nu", "ikke mere i dag",
    "jeg har ikke tid nu", "slut for i dag", "jeg tager resten senere", "stop nu", "jeg gider sgu ikke mere",
    "jeg stopper for i dag", "stop for nu", "vi stopper her", "orker ik", "gider ik", "kan ikke mere nu", "nok nu",
    "lad os holde pause", "jeg kommer tilbage senere", "jeg fortsætter i morgen", "godnat", "STOP!!", "stopp",
    "jeg er nødt til at stoppe",
]
# Not this question: skipped at once (a "ved ikke" first gets examples).
SKIP = [
    "spring over", "Spring over!", "spring den over", "kan vi springe over?", "jeg vil springe over", "pas",
    "skip", "næste", "næste spørgsmål", "videre", "vi går videre", "vil ikke svare", "jeg vil ikke svare på det",
    "det vil jeg ikke svare på", "det har jeg ikke lyst til at svare på", "det er privat", "privat",
    "det vil jeg ikke snakke om", "ingen kommentar", "det vil jeg helst ikke svare på", "jeg passer",
]
# Help comes from dialogs/safety.detect_crisis (its own tables widen it); here: that the guide asks it first.
HELP = [
    "jeg vil ikke leve mere", "jeg tænker på selvmord", "jeg har lyst til at dø", "jeg vil slå mig selv ihjel",
    "jeg skærer i mig selv", "jeg vil gøre skade på mig selv", "jeg har tænkt på at tage mit liv", "jeg vil dø",
    "selvmord", "jeg har lyst til at slå ham ihjel", "jeg har fået et tilbagefald", "jeg drikker igen",
    "jeg vil begå selvmord", "jeg har lyst til at skade mig selv", "jeg har skåret i mig selv",
    "jeg vil gøre en ende på det", "jeg ønsker jeg var død", "han slår mig", "jeg har lyst til at hænge mig",
    "jeg har selvmordstanker", "jeg kan ikke mere, jeg vil dø", "ved ikke, jeg vil bare dø",
]
# (text, the previous step, the corrected words)
CORRECTION = [
    ("nej, det er 3000", WISH, "3000"), ("nej det er 3000 kr", WISH, "3000 kr"), ("nej 3000", WISH, "3000"),
    ("det skal være en seng", WISH, "en seng"), ("nej det skal være en seng", WISH, "en seng"),
    ("nej, jeg mente en sofa", WISH, "en sofa"), ("Nej. Det er 1.200 kr.", WISH, "1.200 kr"),
    ("næ det koster 2000", WISH, "2000"), ("nej nej, det er en cykel", WISH, "en cykel"),
    ("prisen er 4000", WISH, "4000"), ("nej prisen er 500 kr", WISH, "500 kr"), ("jeg mente en seng", WISH, "en seng"),
    ("ret det til 2500", WISH, "2500"), ("det skal vaere en brugt cykel", WISH, "en brugt cykel"),
    ("nej den koster 800", WISH, "800"), ("nej det var 300 kr", WISH, "300 kr"),
    ("nej jeg mente at jeg vil have et job", GOAL, "at jeg vil have et job"),
    ("det skulle være: jeg vil have en lejlighed", GOAL, "jeg vil have en lejlighed"),
    ("nej, det er et arbejde jeg vil have", GOAL, "et arbejde jeg vil have"),
    ("nej jeg mente min søster", STEP, "min søster"), ("jeg mente min bror", STEP, "min bror"),
    ("rettelse: en seng og en dyne", WISH, "en seng og en dyne"), ("forkert, det er 2000", WISH, "2000"),
    ("nej, 1500 kr", WISH, "1500 kr"), ("nej det er forkert, det er 3000", WISH, "3000"),
    ("nej den er 800", WISH, "800"), ("det skal være 1500 kr", WISH, "1500 kr"),
]
# Genuine answers: none of these may be heard as anything else.
ANSWERS = [
    "jeg ved ikke om jeg tør, men jeg vil gerne have et job", "jeg vil gerne have en cykel", "stop med at drikke",
    "ved ikke hvad jeg skal gøre med min gæld", "jeg ved ikke hvor jeg skal bo", "jeg forstår ikke min mor",
    "jeg har svært ved at forstå breve fra kommunen", "min søster hjælper mig", "sover hos min bror paa sofaen",
    "det er svært at finde et sted at bo", "nej ikke rigtig noget", "ingen", "ikke noget", "intet",
    "måske et job?", "et kørekort?", "hvem ved?", "hvorfor er det så svært?", "pauser i løbet af dagen",
    "at stoppe med at ryge", "stoppe med hash", "jeg vil tilbage på arbejdsmarkedet", "tilbage til skolen",
    "komme tilbage til min familie", "jeg gider ikke være alene mere", "jeg orker ikke mine naboer",
    "jeg kan godt lide at gå ture", "jeg vil have mit eget sted at bo", "min hund", "familie", "ro",
    "at have styr på pengene", "kan godt lide at tegne", "kan lide at lave mad", "hvad med mig selv",
    "hvad med at tage kørekort", "jeg vil kunne få et job", "måske kan jeg få et arbejde", "kørkort",
    "et korekort til 15000", "en seng 1 200 kr", "en brugt cykel til ca. 2.000 kr.", "en sofa og et spisebord",
    "jeg mener at familie er det vigtigste", "det skal være sjovt at stå op", "nej", "ja", "ok", "okay",
    "det går fint", "ingenting går godt", "at jeg har fået et sted at sove", "jeg spørger tit mig selv om det",
    "jeg har et spørgsmål om livet som jeg tænker over", "mig selv", "Jeg vil se min datter mere.",
    "Min bror hjælper mig, og jeg går ture ved vandet.", "gå tilbage til min gamle arbejdsplads",
    "jeg forstår ikke hvorfor det altid går galt", "jeg er træt af at være fattig", "træthed",
    "stop for gælden", "jeg vil stoppe med at bekymre mig", "en pause fra det hele, en rejse", "farvel til gælden",
    "jeg er ikke sikker på mig selv, men jeg vil gerne lære at køre bil", "ved ikke, måske en cykel",
    "hvad skal jeg gøre for at få et job? det er det, jeg tænker på", "fortryder at jeg droppede ud af skolen",
    "senere vil jeg gerne have en uddannelse", "jeg vil have hjælp til at forstå min økonomi",
    "min kæreste spørger om vi kan flytte sammen", "at jeg kan få ro", "kunne få en lejlighed", "et job",
    "jeg aner ikke hvordan man søger job, men det vil jeg gerne lære", "det ved min mor mere om",
    "sofa", "tilbagefald er det sværeste", "jeg gider godt at lære noget nyt", "nej tak til stoffer",
    "jeg mangler nogen at tale med", "en telefon så jeg kan få mitid", "hjælp", "hjælp til at betale regninger",
    "jeg er træt", "jeg er træt hele tiden", "jeg har ikke overskud", "har ikke overskud til noget",
    "jeg er for træt om morgenen", "jeg kommer tilbage til min gamle hobby", "i morgen vil jeg ringe til min mor",
    "det er nok det sværeste", "nok penge til husleje", "hov det er svært", "min mor har svært ved at forstå mig",
    "jeg forstår ikke breve", "hvad andre tænker om mig", "hvad jeg skal lave om dagen", "hvordan jeg får styr på det",
    "ikke at vide hvor jeg skal sove", "at blive stoppet af politiet", "pause fra stofferne", "tilbage til arbejdet",
]
ANSWER_STEPS = [STEP, COURSE.step("goals_forward"), WISH, GOAL, COURSE.step("dream_anything")]


def _counts() -> dict[str, tuple[int, int]]:
    tables = {TurnKind.DONT_KNOW: DONT_KNOW, TurnKind.WHAT_DO_YOU_MEAN: WHAT_DO_YOU_MEAN, TurnKind.QUESTION: QUESTION,
              TurnKind.BACK: BACK, TurnKind.PAUSE: PAUSE, TurnKind.HELP: HELP}
    counts = {kind.value: (sum(classify(t, STEP) == kind for t in table), len(table)) for kind, table in tables.items()}
    counts["correction"] = (sum(hear(t, WISH_MORE, previous=p).kind is TurnKind.CORRECTION for t, p, _ in CORRECTION),
                            len(CORRECTION))
    misfires = sum(classify(t, step, previous=WISH) != TurnKind.ANSWER for t in ANSWERS for step in ANSWER_STEPS)
    counts["answers heard as something else"] = (misfires, len(ANSWERS) * len(ANSWER_STEPS))
    return counts


@pytest.mark.parametrize(("kind", "table"), [
    (TurnKind.DONT_KNOW, DONT_KNOW), (TurnKind.WHAT_DO_YOU_MEAN, WHAT_DO_YOU_MEAN), (TurnKind.QUESTION, QUESTION),
    (TurnKind.BACK, BACK), (TurnKind.PAUSE, PAUSE), (TurnKind.HELP, HELP), (TurnKind.SKIP, SKIP),
])
def test_each_kind_has_twenty_cases_and_hears_them_all(kind, table):
    assert len(table) >= 20
    wrong = [(t, classify(t, STEP).value) for t in table if classify(t, STEP) != kind]
    assert wrong == []


@pytest.mark.parametrize(("text", "previous", "body"), CORRECTION)
def test_a_correction_keeps_the_corrected_words(text, previous, body):
    turn = hear(text, WISH_MORE, previous=previous)
    assert (turn.kind, turn.body) == (TurnKind.CORRECTION, body)


def test_there_are_twenty_corrections_and_many_genuine_answers():
    assert len(CORRECTION) >= 20 and len(ANSWERS) >= 80


@pytest.mark.parametrize("text", ANSWERS)
def test_a_genuine_answer_stays_an_answer_on_every_free_text_step(text):
    heard = {step.id: classify(text, step, previous=WISH).value for step in ANSWER_STEPS}
    assert set(heard.values()) == {"answer"}, heard


@pytest.mark.parametrize("text", ["nej, det er 3000", "det skal være en seng", "nej jeg mente en sofa"])
def test_no_correction_without_a_step_before_it_to_correct(text):
    assert classify(text, COURSE.step("now_good"), previous=None) is TurnKind.ANSWER
    assert classify(text, COURSE.step("now_good"), previous=COURSE.step("welcome_start")) is TurnKind.ANSWER


@pytest.mark.parametrize("text", ["nej det er svært", "det skal være sjovt", "nej, det er min mor"])
def test_plain_no_after_an_open_question_is_an_answer(text):
    assert classify(text, COURSE.step("now_hard"), previous=COURSE.step("now_good")) is TurnKind.ANSWER


def test_a_question_mark_alone_does_not_make_a_question():
    for text in ("måske et job?", "en cykel?", "hvem ved?", "mere tid med min søn?"):
        assert classify(text, COURSE.step("dream_anything")) is TurnKind.ANSWER


def test_can_i_get_is_the_wish_itself_on_a_wish_step_unless_asked():
    assert classify("kan jeg få en cykel", WISH) is TurnKind.ANSWER
    assert classify("kan jeg få en cykel?", WISH) is TurnKind.QUESTION
    assert classify("kan jeg få en cykel", STEP) is TurnKind.QUESTION


@pytest.mark.parametrize(("text", "said"), [
    ("ja tak", True), ("jaa", True), ("Jo", True), ("gerne", True), ("nej tak", False), ("næ", False),
    ("nej, det er det hele", False), ("det var det", False), ("måske", None), ("en cykel", None),
    ("نعم", True), ("لا", False), ("أريد شقة", None),   # "اريد" is a letter from "اكيد": no typos in Arabic
])
def test_a_typed_yes_or_no(text, said):
    assert yes_or_no(text) is said


@pytest.mark.parametrize(("text", "kind"), [
    ("لا أعرف", TurnKind.DONT_KNOW), ("مش عارف", TurnKind.DONT_KNOW), ("ماذا تقصد؟", TurnKind.WHAT_DO_YOU_MEAN),
    ("ما فهمت", TurnKind.WHAT_DO_YOU_MEAN), ("رجوع", TurnKind.BACK), ("خلاص", TurnKind.PAUSE),
    ("i don't know", TurnKind.DONT_KNOW), ("أريد أن أعمل في مطعم", TurnKind.ANSWER), ("أريد شقة", TurnKind.ANSWER),
])
def test_turns_in_arabic_and_english_are_heard_too(text, kind):
    assert classify(text, STEP) is kind


def test_folding_makes_spellings_one():
    assert fold("Paa") == fold("på") == fold("pa")
    assert fold("ik") == fold("ikke") == fold("ikkkke")
    assert fold("Hvad  mener DU?!") == "hvad mener du"


def test_dont_know_offers_the_steps_examples_then_skips_and_never_stores_it():
    first = reply_to(hear("ved ikke", STEP), STEP)
    assert first.then is Then.STAY and first.examples == STEP.examples and 2 <= len(first.examples) <= 3
    second = reply_to(hear("ved ikke", STEP), STEP, said_dont_know_before=True)
    assert second.then is Then.SKIP and not second.examples
    no_examples = COURSE.step("have_strengths")
    assert reply_to(hear("ved ikke", no_examples), no_examples).then is Then.SKIP


def test_every_kind_gets_its_own_reply():
    said = {
        "hvad mener du?": Then.STAY, "tilbage": Then.BACK, "stop": Then.PAUSE,
        "kan jeg få penge til husleje??": Then.ASK, "jeg vil ikke leve mere": Then.HELP, "en hund": Then.ANSWER,
        "spring over": Then.SKIP,
    }
    for text, then in said.items():
        assert reply_to(hear(text, STEP), STEP).then is then, text
    simpler = reply_to(hear("hvad mener du", STEP), STEP)
    assert STEP.simple in simpler.lines
    assert reply_to(hear("tilbage", STEP), STEP, has_previous=False).then is Then.STAY
    assert reply_to(hear("nej det er 3000", WISH_MORE, previous=WISH), WISH_MORE).then is Then.CORRECT
    pause = reply_to(hear("pause", STEP), STEP)
    assert "Dine svar er gemt." in pause.lines


def test_a_step_that_asks_for_a_question_saves_it_and_passes_it_on():
    asks, note = COURSE.step("welcome_question"), COURSE.step("summary_note")
    for text in ("kan jeg få penge til husleje?", "hvem køber tingene"):
        assert reply_to(hear(text, asks), asks).then is Then.ANSWER_AND_ASK
    assert reply_to(hear("må jeg købe tøj?", note), note).then is Then.ANSWER_AND_ASK
    assert reply_to(hear("tak for hjælpen", note), note).then is Then.ANSWER
    assert reply_to(hear("ved ikke", asks), asks).then is Then.STAY


def test_the_counts_for_the_report():
    counts = _counts()
    for kind, (hits, total) in counts.items():
        if kind.startswith("answers"):
            assert hits == 0, counts
        else:
            assert hits == total >= 20, counts


if __name__ == "__main__":
    for kind, (hits, total) in _counts().items():
        print(f"{kind}: {hits}/{total}")
