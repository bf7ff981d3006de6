"""The answer kinds, in one table: how each kind is asked, checked, stored and said back.

`validate_answer(step, raw)` checks a raw answer and turns it into the JSON-ready value to store;
validating a stored value again gives the same value, so answers can be re-checked on load. A new kind is
one check function and one row in KINDS; the page, storage and the course validator read the row.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from dialogs import limits, yes_no
from dialogs.amounts import AmountError, check_positive, parse_amount
from dialogs.categories import DEFAULT_CATEGORY_KEYS
from dialogs.extract import extract_wish, wishes_of
from dialogs.i18n_markers import N_
from dialogs.rules import RuleError
from dialogs.text import MSG_BAD_CHARACTERS, MSG_EMPTY, MSG_TOO_LONG, clean_text

if TYPE_CHECKING:  # only for annotations: model.py knows nothing of kinds
    from dialogs.model import Step

__all__ = ["KINDS", "MSG_BAD_CHARACTERS", "MSG_EMPTY", "MSG_TOO_LONG", "AnswerKind", "AnswerResult",
           "validate_answer"]

MSG_PICK_ONE = N_("Vælg et af svarene.")
MSG_PICK_SOME = N_("Vælg mindst ét svar.")
MSG_YES_NO = N_("Svar ja eller nej.")
MSG_RATING = N_("Vælg et tal fra {min} til {max}.")
MSG_AMOUNT_LOW = N_("Beløbet skal være mindst {min} kr.")
MSG_AMOUNT_HIGH = N_("Beløbet må højst være {max} kr.")
MSG_CATEGORY = N_("Vælg, hvad målet handler om.")
MSG_WISH_TITLE = N_("Skriv, hvad du ønsker dig.")



@dataclass(frozen=True)
class AnswerResult:
    """Either ok with the normalised `value`, or not ok with a Danish `error_msgid` and its params."""

    ok: bool
    value: object = None
    error_msgid: str | None = None
    error_params: Mapping[str, object] = field(default_factory=dict)


def _accept(value: object) -> AnswerResult:
    return AnswerResult(True, value)


def _reject(msgid: str, **params: object) -> AnswerResult:
    return AnswerResult(False, None, msgid, params)


def _clean_text(raw: object, max_length: int, *, single_line: bool = False) -> AnswerResult:
    """The shared text rule (dialogs.text) as an AnswerResult."""
    try:
        return _accept(clean_text(raw, limit=max_length, single_line=single_line))
    except RuleError as refused:
        return _reject(refused.message, **refused.params)


def _choice(step: Step, raw: object) -> str | None:
    """The option value for a button value or a typed label."""
    if not isinstance(raw, str):
        return None
    typed = raw.strip().casefold()
    return next(
        (o.value for o in step.options if typed in (o.value.casefold(), o.label.casefold())), None
    )


def _whole_number(raw: object) -> int | None:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lstrip("-").isdigit() and raw.strip().isascii():
        return int(raw.strip())
    return None


def _amount_answer(step: Step, raw: object, categories: Collection[str] = ()) -> AnswerResult:
    """Øre from text ("ca. 4.000 kr."); an int is taken as øre already (a stored value)."""
    try:
        ore = check_positive(raw) if isinstance(raw, int) and not isinstance(raw, bool) else parse_amount(raw)
    except AmountError as refused:
        return _reject(refused.message, **refused.params)
    if step.min is not None and ore < step.min * 100:
        return _reject(MSG_AMOUNT_LOW, min=step.min)
    if step.max is not None and ore > step.max * 100:
        return _reject(MSG_AMOUNT_HIGH, max=step.max)
    return _accept(ore)


def _wish_answer(step: Step, raw: object, categories: Collection[str] = ()) -> AnswerResult:
    """{"title", "price_ore"} from one sentence or from {"title": …, "price": …} fields."""
    if isinstance(raw, str):
        checked = _clean_text(raw, step.max_length)
        if not checked.ok:
            return checked
        draft = extract_wish(checked.value)  # type: ignore[arg-type]
        if draft is None:
            return _reject(MSG_WISH_TITLE)
        if draft.question:
            return _reject(draft.question, **draft.question_params)  # asked back, never guessed or dropped
        first, *also = wishes_of(draft)
        return _wish_answer(step, {"title": first.title, "price_ore": first.price_ore,
                                   "also": [{"title": w.title, "price_ore": w.price_ore} for w in also]})
    if not isinstance(raw, Mapping):
        return _reject(MSG_WISH_TITLE)
    also = raw.get("also") or []
    if also:  # one sentence, several wishes: each is checked like the first
        if not isinstance(also, (list, tuple)) or len(also) > limits.WISHES_IN_ONE_ANSWER:
            return _reject(MSG_WISH_TITLE)
        checked_also = []
        for extra in also:
            one = _wish_answer(step, extra if isinstance(extra, Mapping) else {}) \
                if not (isinstance(extra, Mapping) and extra.get("also")) else _reject(MSG_WISH_TITLE)
            if not one.ok:
                return one
            checked_also.append(one.value)
        first = _wish_answer(step, {k: v for k, v in raw.items() if k != "also"})
        return _accept({**first.value, "also": checked_also}) if first.ok else first  # type: ignore[dict-item]
    title = _clean_text(raw.get("title"), min(step.max_length, limits.WISH_TITLE), single_line=True)
    if not title.ok:
        return _reject(MSG_WISH_TITLE) if title.error_msgid == MSG_EMPTY else title
    price = raw.get("price_ore", raw.get("price"))
    if price is None or (isinstance(price, str) and not price.strip()):
        return _accept({"title": title.value, "price_ore": None})
    amount = _amount_answer(step, price)
    return _accept({"title": title.value, "price_ore": amount.value}) if amount.ok else amount


def _text(step: Step, raw: object, categories: Collection[str]) -> AnswerResult:
    return _clean_text(raw, step.max_length)


def _one_choice(step: Step, raw: object, categories: Collection[str]) -> AnswerResult:
    value = _choice(step, raw)
    return _accept(value) if value else _reject(MSG_PICK_ONE)


def _choices(step: Step, raw: object, categories: Collection[str]) -> AnswerResult:
    picked = [raw] if isinstance(raw, str) else raw
    if not isinstance(picked, (list, tuple, set, frozenset)) or not picked:
        return _reject(MSG_PICK_SOME)
    values = {_choice(step, item) for item in picked}
    if None in values:
        return _reject(MSG_PICK_SOME)
    return _accept([o.value for o in step.options if o.value in values])


def _yes_no(step: Step, raw: object, categories: Collection[str]) -> AnswerResult:
    if isinstance(raw, bool):
        return _accept(raw)
    if yes_no.is_yes(raw):
        return _accept(True)
    return _accept(False) if yes_no.is_no(raw) else _reject(MSG_YES_NO)


def _rating(step: Step, raw: object, categories: Collection[str]) -> AnswerResult:
    number = _whole_number(raw)
    low = 1 if step.min is None else step.min
    high = 5 if step.max is None else step.max
    if number is None or not low <= number <= high:
        return _reject(MSG_RATING, min=low, max=high)
    return _accept(number)


def _goal_or_subgoal(step: Step, raw: object, categories: Collection[str]) -> AnswerResult:
    fields = raw if isinstance(raw, Mapping) else {"text": raw}
    text = _clean_text(fields.get("text"), step.max_length)
    if not text.ok:
        return text
    if step.kind == "subgoal":
        return _accept({"text": text.value})
    category = fields.get("category")
    if category not in categories:
        return _reject(MSG_CATEGORY)
    return _accept({"text": text.value, "category": category})


Check = Callable[["Step", object, Collection[str]], AnswerResult]


@dataclass(frozen=True)
class AnswerKind:
    """One kind of step. The page asks with `ask_with` and reads the answer back by `said_as`; storage makes
    `store` of it (a plan draft for goal/subgoal/wish); a step's `parent` may point to a step of `parents`."""

    check: Check
    store: str = "answer"       # "answer", or a plan draft: "goal", "subgoal", "wish"
    ask_with: str = "text"      # "text" (typed), "buttons" (its options, yes/no or numbers), "choices", "goal"
    said_as: str = "words"      # "words", "option", "options", "yesno", "number", "wish", "money", "field"
    typed_as: str = "text"      # what a typed chat answer becomes: the "text" itself or a {"text": …} "field"
    options: bool = False       # the step lists its options in the course file
    in_range: bool = False      # the step may set min and max
    parents: frozenset[str] = frozenset()


KINDS: Mapping[str, AnswerKind] = MappingProxyType({
    "text": AnswerKind(_text),
    "choice": AnswerKind(_one_choice, ask_with="buttons", said_as="option", options=True),
    "choices": AnswerKind(_choices, ask_with="choices", said_as="options", options=True),
    "yesno": AnswerKind(_yes_no, ask_with="buttons", said_as="yesno"),
    "rating": AnswerKind(_rating, ask_with="buttons", said_as="number", in_range=True),
    "amount": AnswerKind(_amount_answer, said_as="money", in_range=True),
    "goal": AnswerKind(_goal_or_subgoal, store="goal", ask_with="goal", said_as="field"),
    "subgoal": AnswerKind(_goal_or_subgoal, store="subgoal", said_as="field", typed_as="field",
                          parents=frozenset({"goal"})),
    "wish": AnswerKind(_wish_answer, store="wish", said_as="wish", parents=frozenset({"goal", "subgoal"})),
})
STORES = frozenset({"answer"} | {k.store for k in KINDS.values()})


def validate_answer(
    step: Step, raw: object, *, categories: Collection[str] = DEFAULT_CATEGORY_KEYS
) -> AnswerResult:
    """Check `raw` for `step` and normalise it to the value to store:

    text -> str, choice -> option value, choices -> [option values], yesno -> bool,
    amount -> int øre, rating -> int, goal -> {"text", "category"} (a key of `categories`),
    subgoal -> {"text"}, wish -> {"title", "price_ore" (int or None)} and, for several wishes written in
    one sentence and confirmed as several, "also": [{"title", "price_ore"}, …].
    A skipped step is not validated: the caller stores SKIPPED instead.
    """
    return KINDS[step.kind].check(step, raw, categories)
