"""Crisis signals in what a citizen writes, and where to find help.

The app is not an emergency service. When a signal is found the UI shows HELP_LINES (more than one:
Livslinien answers only some calls) and offers the "Jeg har det svært lige nu" path.

Matching works on normalised text (lower case, æ/ø/å also written ae/oe/aa or a/o, accents and
punctuation removed) with word-bounded regexes. Decisions, kept on purpose:
- Negations still trigger ("jeg tænker ikke på selvmord"): showing help once too often is cheap.
- Idioms do not: "dræbende kedeligt", "dø af grin", "tage mit liv i egen hånd", "slå mig ned",
  "en cutter" (the tool), "hun slog mig i ludo".
- Fear of relapse ("bange for at få et tilbagefald") is a topic for the support person, not a
  crisis; a relapse that happened ("har fået et tilbagefald", "drikker igen") is a signal.
Verify the help lines' numbers and opening hours before each release.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from dialogs.i18n_markers import N_

Category = Literal["suicide", "self_harm", "violence", "relapse"]


@dataclass(frozen=True)
class CrisisSignal:
    """What kind of crisis the text suggests. It never carries the citizen's words."""

    category: Category


@dataclass(frozen=True)
class HelpLine:
    """A place to call. `name` and `description` are Danish msgids; `tel` is for tel: links."""

    key: str
    name: str
    phone: str
    tel: str
    description: str


NOT_EMERGENCY = N_(
    "Appen er ikke en nødtjeneste. Er dit liv eller en andens liv i fare, så ring 112."
)
HELP_INTRO = N_("Du er ikke alene. Her kan du få hjælp lige nu:")

HELP_LINES: tuple[HelpLine, ...] = (
    HelpLine("emergency", N_("Alarm 112"), "112", "112", N_("Ring, hvis et liv er i fare.")),
    HelpLine(
        "livslinien", N_("Livslinien"), "70 201 201", "+4570201201",
        N_("Hvis du tænker på selvmord. Du kan være anonym."),
    ),
    HelpLine(
        "acute_1813", N_("Akuttelefonen 1813"), "1813", "1813",
        N_("Akut hjælp i Region Hovedstaden. Andre regioner har deres eget nummer."),
    ),
    HelpLine(
        "sind", N_("Sind Rådgivning"), "70 23 27 50", "+4570232750",
        N_("Råd om psykisk sygdom, også til pårørende."),
    ),
    HelpLine(
        "blaa_linje", N_("Den Blå Linje"), "70 100 130", "+4570100130",
        N_("Hvis du har problemer med alkohol eller stoffer."),
    ),
)

_LOOSE = {"æ": "(?:ae|a|e)", "ø": "(?:oe|o)", "å": "(?:aa|a|o)"}
_ME = r"(?:mig|mit|mine?)"
_OTHER = r"(?:ham|hende|dem|dig|jer|nogen|min \w+|hans \w+|hendes \w+)"
_ATTACKER = r"(?:han|hun|de|kæresten|min \w+)"
_GAME = r"(?! i (?:ludo|skak|kort|spil|\w+spil))"

# Most serious first: "slå mig selv ihjel" is suicide before "slå mig selv" is self-harm.
_PATTERNS: tuple[tuple[Category, str], ...] = (
    ("suicide", r"sel+v?mor[dlt]?\w*"),
    ("suicide", r"(?:tage|tag|ta|tager|tog) (?:mit|mig) (?:eget )?liv(?! i eg| tilbage| op| videre)"),
    ("suicide", r"(?:tage|tag|ta|tager) livet af mig"),
    ("suicide", r"(?:ik|ikk|ikke|ingen grund til at) (?:at )?leve (?:mere|længere|lngere)"),
    ("suicide", r"(?:ikke|ingen) lyst til at leve"),
    ("suicide", r"(?:ikke noget|intet|ingenting) at leve for"),
    ("suicide", r"(?:slå|slår|slog) mig (?:selv )?ihjel|(?:dræbe|dræber|myrde) mig selv"),
    ("suicide", r"(?:gøre|gør) en ende på (?:det|mit liv|det hele|mig selv)"),
    ("suicide", r"(?:ende|afslutte|stoppe) (?:mit liv|det hele)"),
    ("suicide", r"(?:vil|ville|skal) (?:gerne |bare |helst )?dø(?! af| gammel)"),
    ("suicide", r"(?:ønsker|ønske|lyst til) (?:at dø|jeg var død|at være død)"),
    ("suicide", r"(?:bedre|nemmere) (?:hvis|om) jeg var død"),
    ("suicide", r"ikke (?:at )?(?:være her|vågne op|vågne) (?:mere|længere|igen)"),
    ("suicide", r"hænge(?:r)? mig selv|hænge(?:r)? mig$|træt af (?:at leve|livet)|livstræt\w*"),
    ("suicide", r"suicid\w*|kill(?:ing)? myself|end(?:ing)? my (?:own )?life|take my (?:own )?life"),
    ("suicide", r"(?:want|wanna|going) to die|don(?:\s)?t want to (?:live|be here)|end it all"),
    ("self_harm", r"(?:skære|skærer|skar|skåret) (?:mig )?i (?:mig|armen|armene|mine arme|huden)"),
    ("self_harm", r"(?<!\ben\s)(?<!\bny\s)cutt(?:er|ede|et|ing)|cutte mig"),
    ("self_harm", r"(?:gøre|gør|gjorde) (?:skade på|mig selv skade|mig selv fortræd)"),
    ("self_harm", r"(?:skade|skader|skadede|brænde|brænder|slå|slår|slog) mig selv"),
    ("self_harm", r"selvskad\w*|self(?:\s)?harm\w*|(?:hurt|hurting|harm|cut|cutting) myself"),
    ("violence", rf"(?:slå|slår|slog) {_OTHER} ihjel|(?:dræbe|dræber|myrde|myrder|kill) {_OTHER}"),
    ("violence", rf"(?:stikke|stikker|stak) {_OTHER} ned|(?:tæske|tæsker|banke|banker) {_OTHER}"),
    ("violence", rf"{_ATTACKER} (?:slår|slog|sparker|sparkede|truer|truede|tæver|tævede) mig{_GAME}"),
    ("violence", r"(?:bliver|blev|er blevet) (?:slået|truet|voldtaget|tævet)|(?:hits|beats) me"),
    ("relapse", r"(?:har|havde|fik|fået|taget|tog|haft|er i) (?:taget |fået |haft )?(?:et |en |mit )?"
                r"(?:lille |stort |kæmpe )?tilbagefald"),
    ("relapse", r"(?:begyndt|startet) (?:på )?at (?:drikke|tage stoffer|fixe|ryge hash|sniffe|spille)"
                r"(?: \w+)? igen"),
    ("relapse", r"(?:drikker|drukket|drak|druk|fixer|fixet|fixede|sniffer|sniffet|skudt mig|skyder mig)"
                r" igen|(?:har|havde) skudt mig"),
    ("relapse", r"(?:taget|tager|tog|brugt|bruger|røget|ryger) (?:stoffer|heroin|kokain|coke|speed|hash"
                r"|crack|piller) igen|på stoffer igen|faldet i (?:\w+ )?igen|faldet i$"),
    ("relapse", r"relaps\w*|(?:using|drinking) again|back on (?:drugs|heroin|the booze)"),
)


def _loosen(pattern: str) -> str:
    """Let æ/ø/å match their ASCII spellings and a space match any run of spaces."""
    for letter, spelled in _LOOSE.items():
        pattern = pattern.replace(letter, spelled)
    return pattern.replace(" ", r"\s+")


_COMPILED = tuple((cat, re.compile(rf"\b(?:{_loosen(p)})\b")) for cat, p in _PATTERNS)


def normalise(text: str) -> str:
    """Lower case, æ/ø/å as ae/oe/aa, no accents or punctuation, single spaces."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[\u200b-\u200f\u2060\ufeff]", "", text)
    text = re.sub(r"(\w)\1{2,}", r"\1", text)  # "selvmooord" -> "selvmord"
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(text.split())


def detect_crisis(text: str) -> CrisisSignal | None:
    """The most serious crisis signal in `text`, or None."""
    if not isinstance(text, str) or not text.strip():
        return None
    clean = normalise(text)
    for category, pattern in _COMPILED:
        if pattern.search(clean):
            return CrisisSignal(category)
    return None
