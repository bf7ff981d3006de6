"""The goal draft: the citizen's own words and a proposed category from the keyword table (dialogs/goal_words.toml),
tolerant of typos and missing æøå, and silent where no word points to a topic."""
from __future__ import annotations

import pytest

from dialogs.categories import DEFAULT_CATEGORY_KEYS
from dialogs.goal_draft import SKIPPED, GoalDraft, draft_goal, fold, is_not_a_goal, load_table, propose_category

PROPOSES = [
    # as written by the citizen                         category
    ("Jeg vil have mit eget sted at bo", "housing"),
    ("holde op med at drikke", "health_wellbeing"),
    ("komme på højskole", "education_job"),
    ("få hjælp til mine papirer fra kommunen", "everyday_digital"),
    ("en lejlighed til mig og min hund", "housing"),
    ("en lejlihed", "housing"),                            # typo
    ("Jeg sover hos min bror og vil have min egen bolig", "housing"),
    ("Et kørekort", "transport"),
    ("koerekort", "transport"),                            # æøå written out
    ("korkort", "transport"),                              # a letter missing and no ø
    ("et rejsekort så jeg kan komme rundt", "transport"),  # the longer word wins over "rejse"
    ("en cykel", "transport"),
    ("Jeg vil i gang med en uddanelse", "education_job"),  # typo
    ("Få et arbejde", "education_job"),
    ("et fleksjob", "education_job"),
    ("Jeg vil se min datter mere", "family_network"),
    ("flere venner", "family_network"),
    ("Få styr på min gæld", "money_debt"),
    ("styr paa pengene", "money_debt"),
    ("komme ud af gaeld", "money_debt"),
    ("Stoppe med at ryge", "health_wellbeing"),
    ("Komme til tandlæge", "health_wellbeing"),
    ("gå til psykolog", "health_wellbeing"),
    ("spille fodbold i en klub", "leisure_community"),
    ("tage på ferie med min søster", "leisure_community"),  # tie: the topic named first
    ("en computer så jeg kan bruge MitID", "everyday_digital"),
    ("en vaskemaskine", "everyday_digital"),
]

PROPOSES += [  # as this group writes: missing æøå, typos, slang
    ("få min egen lejlighed", "housing"), ("ikke sove paa gaden mere", "housing"), ("flytte fra herberget", "housing"),
    ("komme i arbejde igen", "education_job"), ("tage en uddannelse som kok", "education_job"),
    ("faa et jop", "education_job"), ("blive faerdig med 9. klasse", "education_job"),
    ("se mine børn igen", "family_network"), ("have kontakt med min mor", "family_network"),
    ("faa nogle venner", "family_network"), ("mindre ensom", "family_network"),
    ("betale min gæld af", "money_debt"), ("slippe for inkasso", "money_debt"),
    ("have styr på mine regninger", "money_debt"),  # "regninger" is a bill, not a typo of "træning"
    ("spare op til noget", "money_debt"),
    ("tabe mig og blive sundere", "health_wellbeing"), ("komme af med hashen", "health_wellbeing"),
    ("få nye tænder", "health_wellbeing"), ("sove bedre om natten", "health_wellbeing"),
    ("komme med i en klub", "leisure_community"), ("spille musik igen", "leisure_community"),
    ("fiske med min søn", "leisure_community"),
    ("tage korekort", "transport"), ("få en knallert", "transport"), ("købe et buskort", "transport"),
    ("lære at bruge mitid", "everyday_digital"), ("en ny telefon", "everyday_digital"),
    ("få struktur på hverdagen", "everyday_digital"), ("en pc", "everyday_digital"),
]

SILENT = [  # must not fire: no topic in the words
    "ved ikke",
    "Det ved jeg ikke.",
    "jeg vil gerne have det sjovt",
    "jeg kunne dø af grin",
    "i løbet af året",                 # "løbet" is not running
    "jeg tog det roligt",              # "tog" (took) is not a train
    "Jeg vil have det",                # "have" (to have) is not a garden
    "at det bliver bedre",
    "min skyld",                       # guilt is not debt
    "",
    "!!!",
    "måske noget andet",
    "det går fint",
    "at blive en bedre udgave af mig selv",
    "jeg ved det snart",
]


ARABIC = [
    ("أريد شقة", "housing"),
    ("أريد أن أجد عملا", "education_job"),
    ("أريد رخصة قيادة", "transport"),
    ("أريد أن أرى أولادي أكثر", "family_network"),
    ("سداد ديوني", "money_debt"),
    ("الذهاب إلى طبيب الأسنان", "health_wellbeing"),
    ("أريد أن أتوقف عن المخدرات", "health_wellbeing"),
]


@pytest.mark.parametrize(("text", "category"), PROPOSES + ARABIC)
def test_proposes_the_category(text, category):
    assert propose_category(text) == category


@pytest.mark.parametrize("text", SILENT)
def test_proposes_nothing_without_a_topic_word(text):
    assert propose_category(text) is None


def test_only_the_programmes_categories_are_proposed():
    assert propose_category("et kørekort", allowed={"housing", "education_job"}) is None
    assert propose_category("et kørekort og et job", allowed={"education_job"}) == "education_job"


def test_the_table_names_only_known_categories_and_every_one_of_them():
    table = load_table()
    assert {k.category for k in table.keywords} == DEFAULT_CATEGORY_KEYS


def test_goals_are_drafted_from_free_text_steps_before_the_goal_steps():
    from dialogs.engine import load_course, routing_path
    course = load_course()
    route = routing_path(course, {})
    first_goal = next(s for s in route if course.step(s).kind == "goal")
    assert load_table().draft_from
    for step_id in load_table().draft_from:
        assert step_id in course.steps and course.step(step_id).kind == "text", step_id
        assert route.index(step_id) < route.index(first_goal), step_id


def test_folding_makes_the_spellings_of_aeoeaa_one():
    assert fold("Kørekort") == fold("koerekort") == fold("korekort")
    assert fold("på") == fold("paa") == fold("pa")
    assert fold("gæld") == fold("gaeld")


@pytest.mark.parametrize(("text", "nothing"), [
    ("ved ikke", True), ("Det ved jeg ikke", True), ("aner det ikke", True), ("ingenting", True), ("ja", True),
    ("?", True), ("-", True), ("Et job", False), ("Bo", False), ("Ikke bo på gaden", False),
    # an answer in Arabic is words too (the course is offered in Arabic)
    ("أريد شقة", False), ("لا أعرف", True), ("لا شيء", True),
    ("ingenting egentlig", True), ("ved ikke rigtig", True), ("ingen anelse", True), ("nix", True),
    ("ikke noget særligt", True), ("Ikke drikke så meget", False),
])
def test_not_a_goal(text, nothing):
    assert is_not_a_goal(text) is nothing


def test_draft_uses_her_own_words_from_the_best_answer_first():
    answers = {"dream_anything": "Rejse til Spanien", "now_good": "Jeg har fået et job.",
               "goals_forward": "et kørekort så jeg kan komme rundt. og en cykel"}
    assert draft_goal(answers) == GoalDraft("Et kørekort så jeg kan komme rundt.", "transport")


def test_draft_skips_ved_ikke_skipped_answers_and_goals_already_written():
    answers = {"goals_forward": "ved ikke", "now_good": SKIPPED, "dream_anything": "Et job. Se min datter."}
    assert draft_goal(answers) == GoalDraft("Et job.", "education_job")
    assert draft_goal(answers, used=["et job"]) == GoalDraft("Se min datter.", "family_network")
    assert draft_goal(answers, used=["Et job.", "Se min datter."]) is None


def test_no_draft_without_answers_to_draw_on():
    assert draft_goal({}) is None
    assert draft_goal({"goals_forward": "ved ikke", "dream_anything": "Det ved jeg ikke"}) is None
    assert draft_goal({"goals_forward": 3}) is None


def test_a_draft_is_cut_to_the_course_goal_length():
    draft = draft_goal({"goals_forward": "job " * 200})
    assert draft is not None and len(draft.text) <= 300
