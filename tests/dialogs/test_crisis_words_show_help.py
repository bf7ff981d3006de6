"""Crisis words are noticed (with and without æøå, misspelt, inflected, said indirectly, in English);
everyday words are not. The phrase sets are data: dialogs/safety_phrases.toml."""
from typing import get_args

import pytest

from dialogs.babel_extract import translatable_strings
from dialogs.engine import COURSE_DIR, read_course_data
from dialogs.safety import HELP_LINES, NOT_EMERGENCY, Category, CrisisSignal, detect_crisis, phrases, prepared

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
    # The brief's phrases, inflections, typos and missing æøå, indirect ways of saying it
    ('selvmord', 'suicide'),
    ('sevlmord', 'suicide'),
    ('selvmrod', 'suicide'),
    ('selvmoord!!!', 'suicide'),
    ('jeg har tænkt på selvmord igen', 'suicide'),
    ('jeg har haft et selvmordsforsøg', 'suicide'),
    ('jeg tænker ikke på selvmord', 'suicide'),
    ('slå mig selv ihjel', 'suicide'),
    ('sla mig selv ihjel', 'suicide'),
    ('jeg vil slå mig selv ihjæl', 'suicide'),
    ('jeg vil slå mig selv i hjel', 'suicide'),
    ('jeg har lyst til at slaa mig ijhel', 'suicide'),
    ('jeg vil dræbe mig selv', 'suicide'),
    ('tage mit eget liv', 'suicide'),
    ('jeg har tænkt på at tage livet af mig', 'suicide'),
    ('jeg gider ikke leve', 'suicide'),
    ('jeg gider ik leve mere', 'suicide'),
    ('jeg orker ikke at leve mere', 'suicide'),
    ('jeg magter ikke at leve', 'suicide'),
    ('jeg vil ikke være her mere', 'suicide'),
    ('jeg vil ikke være her', 'suicide'),
    ('det ville være bedre hvis jeg ikke var her', 'suicide'),
    ('alle ville have det bedre uden mig', 'suicide'),
    ('jeg vil bare forsvinde for altid', 'suicide'),
    ('jeg vil bare forsvinde', 'suicide'),
    ('jeg vil ende det hele', 'suicide'),
    ('jeg vil afslutte mit liv', 'suicide'),
    ('jeg vil gøre det af med mig selv', 'suicide'),
    ('jeg vil tage en overdosis', 'suicide'),
    ('jeg tog en overdosis i går', 'suicide'),
    ('overdosis af piller', 'suicide'),
    ('jeg tog alle mine piller', 'suicide'),
    ('jeg vil sluge alle pillerne', 'suicide'),
    ('jeg har taget hele glasset med sovepiller', 'suicide'),
    ('livet er ikke værd at leve', 'suicide'),
    ('ingen vil savne mig', 'suicide'),
    ('jeg vil sove og aldrig vågne', 'suicide'),
    ('jeg har lyst til at dø', 'suicide'),
    ('jeg vil bare doe', 'suicide'),
    ('jeg føler mig død indeni', 'suicide'),
    ('jeg vil springe ud foran toget', 'suicide'),
    ('jeg tænker på at hoppe ud fra broen', 'suicide'),
    ('kill myself', 'suicide'),
    ('i just want to die', 'suicide'),
    ('better off dead', 'suicide'),
    ('jeg vil ta livet av mig', 'suicide'),
    ('skære i mig selv', 'self_harm'),
    ('jeg skar i armen i går', 'self_harm'),
    ('jeg har skåret i mig selv', 'self_harm'),
    ('jeg skaere i mig selv', 'self_harm'),
    ('cutte', 'self_harm'),
    ('jeg har lyst til at cutte', 'self_harm'),
    ('jeg er begyndt at cutte igen', 'self_harm'),
    ('gøre skade på mig selv', 'self_harm'),
    ('jeg brænder mig selv med cigaretter', 'self_harm'),
    ('jeg er bange for at jeg gør noget', 'self_harm'),
    ('jeg er bange for hvad jeg kan finde på', 'self_harm'),
    ('jeg er bange for mig selv', 'self_harm'),
    ('i cut myself', 'self_harm'),
    ('slå ham ihjel', 'violence'),
    ('jeg kunne slå ham ihjæl', 'violence'),
    ('jeg vil dræbe min nabo', 'violence'),
    ('gøre nogen fortræd', 'violence'),
    ('jeg er bange for at gøre nogen fortræd', 'violence'),
    ('jeg kunne finde på at gøre ham ondt', 'violence'),
    ('han slår mig', 'violence'),
    ('han slaar mig', 'violence'),
    ('min kæreste har slået mig', 'violence'),
    ('min far truer mig', 'violence'),
    ('hun sparker mig', 'violence'),
    ('jeg tør ikke gå hjem', 'violence'),
    ('der er vold derhjemme', 'violence'),
    ('he hits me', 'violence'),
    ('jeg har ikke lyst til at være her mere', 'suicide'),
    ('jeg har tanker om at dø', 'suicide'),
    ('jeg ser ingen udvej', 'suicide'),
    ('jeg har givet op på livet', 'suicide'),
    ('jeg har dødstanker', 'suicide'),
    ('jeg tænker tit på at dø', 'suicide'),
    ('jeg vil hellere være død', 'suicide'),
    ('gid jeg var død', 'suicide'),
    ('jeg kan ikke overskue at leve', 'suicide'),
    ('jeg har skrevet et farvelbrev', 'suicide'),
    ('jeg har lyst til at skyde mig selv', 'suicide'),
    ('jeg har købt piller for at dø', 'suicide'),
    ('jeg tager livet af mig', 'suicide'),
    ('det dræber mig snart, jeg vil dræbe mig selv', 'suicide'),
    ('jeg sulter mig selv', 'self_harm'),
    ('jeg kommer til at slå min kæreste', 'violence'),
    ('jeg slog hende i går', 'violence'),
    ('min mand er voldelig', 'violence'),
    ('jeg drikker mig ihjel', 'relapse'),
    ('mine børn er bange og han slår mig', 'violence'),
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
    "jeg vil gerne have et liv med mening",
    "I like my life",
    "jeg har det godt",
    "",
    # Everyday Danish with the same words (decisions in dialogs/safety_phrases.toml)
    'min cykel er død',
    'jeg kunne dø af grin',
    'jeg kunne doe af grin',
    'telefonen er død',
    'batteriet er dødt igen',
    'jeg er dødtræt',
    'jeg er doedtraet i dag',
    'det er dødsejt',
    'jeg dræber tiden med tv',
    'jeg dræber tiden med at se serier',
    'det slår mig at det er dyrt',
    'det slår mig, at jeg mangler en seng',
    'jeg skar brød',
    'jeg skar mig på en kniv',
    'jeg skærer løg',
    'overdosis af kaffe haha',
    'jeg fik en overdosis af kage i går',
    'mit liv er bedre nu',
    'selvmordsforebyggelse kursus',
    'jeg har været på kursus i selvmordsforebyggelse',
    'jeg vil gerne have et bedre liv',
    'jeg lever for mine børn',
    'jeg kan ikke leve af 500 kr om ugen',
    'jeg gider ikke leve sådan her uden en seng',
    'jeg kan ikke mere i dag',
    'jeg orker ikke mere i dag, vi ses i morgen',
    'jeg vil gerne væk fra byen',
    'jeg vil gerne forsvinde på ferie',
    'gælden skal forsvinde',
    'min cykel forsvandt',
    'jeg vil ende med at få et job',
    'det hele ender godt',
    'jeg har det godt med mit liv',
    'jeg vil gerne slå mig ned på landet',
    'det gør mig ondt at høre',
    'jeg vil ikke gøre nogen ked af det',
    'min bror slog mig i skak',
    'han slår mig altid i fodbold',
    'jeg vil cutte kontakten til min eks',
    'jeg har en cutter',
    'jeg drikker te igen',
    'jeg vil slå tiden ihjel',
    'vi slog tiden ihjel med kort',
    'jeg hænger ud i parken',
    'jeg dræber myg om sommeren',
    'det er selvmodsigende',
    'jeg har brug for piller mod hovedpine',
    'jeg tager mine piller hver morgen',
    'jeg vil tage mit liv tilbage',
    'jeg vil springe ud i vandet og bade',
    'vi skal ud og køre i bil',
    'jeg vil gerne leve sundt',
    'min hund døde sidste år',
    'jeg er træt af at vente',
    'jeg er lidt træt',
    'der er død i fjernsynet',
    'jeg elsker livet',
    'min sagsbehandler er død sød',
    'jeg kom hjem i går',
    'skære ned på smøgerne',
    'min mor er bange for hunde',
    'jeg tør godt gå hjem alene',
    'det dræber mig at vente',
    'det tager livet af mig at vente på svar',
    'jeg keder mig ihjel',
    'jeg arbejder mig ihjel',
    'jeg griner mig ihjel af den serie',
    'jeg fryser ihjel i lejligheden',
    'min telefon døde',
    'jeg slår det op på nettet',
    'jeg er ved at dø af sult',
    'jeg vil skyde mig selv i foden',
    'mine børn slår mig altid i uno',
    'jeg vil slå min rekord i løb',
    'jeg slår min kæreste i skak',
    'det slår mig ihjel når bussen er forsinket',
    'jeg vil gerne skære ned på udgifterne',
    'jeg vil gerne tabe mig',
    'jeg tænker på min mor',
    'jeg arbejder for at blive rig',
]


@pytest.mark.parametrize(("text", "category"), MUST_TRIGGER)
def test_crisis_phrase_gives_signal(text, category):
    assert detect_crisis(text) == CrisisSignal(category)


@pytest.mark.parametrize("text", MUST_NOT_TRIGGER)
def test_everyday_phrase_gives_no_signal(text):
    assert detect_crisis(text) is None


def test_lists_are_long_enough():
    assert len(MUST_TRIGGER) >= 80
    assert len(MUST_NOT_TRIGGER) >= 60
    assert len({t for t, _ in MUST_TRIGGER}) == len(MUST_TRIGGER)
    assert len(set(MUST_NOT_TRIGGER)) == len(MUST_NOT_TRIGGER)


def test_phrase_sets_are_data_and_every_category_has_patterns():
    p = phrases()
    assert {category for category, _ in p.signals} == set(get_args(Category))
    assert p.harmless and p.words


@pytest.mark.parametrize(("typo", "word"), [("selvmrod", "selvmord"), ("ihjæl", "ihjel"), ("ijhel", "ihjel"),
                                            ("overdosi", "overdosis"), ("selvskde", "selvskade")])
def test_one_typo_in_a_crisis_word_is_read_as_the_word(typo, word):
    assert prepared(typo) == word


@pytest.mark.parametrize("word", ["selvmodsigende", "skadet", "piller", "ihjem", "hjem", "spiller", "leve"])
def test_everyday_words_are_not_corrected(word):
    assert prepared(word) == word


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
