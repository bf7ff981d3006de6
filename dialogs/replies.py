"""What the guide says to a turn that dialogs/turns.py heard, and what happens next (`Then`).

Pure: no Streamlit, no database. The Danish here is gettext msgids, translated where they are shown.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from dialogs.i18n_markers import N_
from dialogs.model import Step
from dialogs.turns import Turn, TurnKind, question_steps

class Then(StrEnum):
    """What happens after the guide's reply."""
    ANSWER = "answer"      # the step reads the turn as its answer
    STAY = "stay"          # the same question stays open
    SKIP = "skip"          # the step is skipped for now (never stored as "ved ikke")
    BACK = "back"          # the previous step opens again
    PAUSE = "pause"        # the citizen stops for now; everything is saved already
    CORRECT = "correct"    # the previous step is answered again with the corrected words
    ASK = "ask"            # the question goes to the support person; the step stays open
    ANSWER_AND_ASK = "answer_and_ask"  # a step that asks for a question: the answer is saved and passed on
    HELP = "help"          # the page shows where help is


MSG_DONT_KNOW = N_("Det er helt okay ikke at vide det.")
MSG_EXAMPLES = N_("Her er nogle eksempler. Du kan bruge et af dem, eller skrive dit eget:")
MSG_SKIPPED = N_("Det er okay. Vi springer over og kan vende tilbage til det senere.")
MSG_SIMPLER = N_("Jeg siger det på en anden måde:")
MSG_BACK = N_("Vi går et skridt tilbage.")
MSG_NOTHING_BEFORE = N_("Vi er ved det første spørgsmål. Der er ikke noget før.")
MSG_PAUSE = N_("Det er fint at holde en pause.")
MSG_SAVED = N_("Dine svar er gemt.")
MSG_COME_BACK = N_("Kom tilbage, når du har lyst. Du starter, hvor du slap.")
MSG_QUESTION = N_("Godt spørgsmål. Jeg sender det til din støtteperson.")
MSG_QUESTION_ANSWER = N_("Du får svaret her og på din forside.")
MSG_CORRECTED = N_("Tak. Jeg har rettet det.")
MSG_NOT_CORRECTED = N_("Det kunne jeg ikke rette. Tryk på Tilbage, så kan du skrive det igen.")


@dataclass(frozen=True)
class Reply:
    """The guide's answer to a turn: its lines and examples (msgids, translated where shown), then what happens."""

    turn: Turn
    then: Then
    lines: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()


def reply_to(turn: Turn, step: Step, *, has_previous: bool = True, said_dont_know_before: bool = False) -> Reply:
    """What the guide says to `turn` on `step`. `said_dont_know_before`: "ved ikke" was said on this step already,
    so the second time the guide skips instead of offering the same examples again."""
    kind = turn.kind
    asks, asks_if_asked = question_steps()
    if step.id in asks and kind in (TurnKind.ANSWER, TurnKind.QUESTION) \
            or step.id in asks_if_asked and kind is TurnKind.QUESTION:
        return Reply(turn, Then.ANSWER_AND_ASK, (MSG_QUESTION, MSG_QUESTION_ANSWER))
    if kind is TurnKind.DONT_KNOW:
        if step.examples and not said_dont_know_before:
            return Reply(turn, Then.STAY, (MSG_DONT_KNOW, MSG_EXAMPLES), step.examples)
        return Reply(turn, Then.SKIP, (MSG_SKIPPED,))
    if kind is TurnKind.SKIP:
        return Reply(turn, Then.SKIP, (MSG_SKIPPED,))
    if kind is TurnKind.WHAT_DO_YOU_MEAN:
        simpler = (step.simple,) if step.simple else step.messages[-1:]
        return Reply(turn, Then.STAY, (MSG_SIMPLER, *simpler))
    if kind is TurnKind.BACK:
        return Reply(turn, Then.BACK if has_previous else Then.STAY,
                     (MSG_BACK,) if has_previous else (MSG_NOTHING_BEFORE,))
    if kind is TurnKind.PAUSE:
        return Reply(turn, Then.PAUSE, (MSG_PAUSE, MSG_SAVED, MSG_COME_BACK))
    if kind is TurnKind.QUESTION:
        return Reply(turn, Then.ASK, (MSG_QUESTION, MSG_QUESTION_ANSWER))
    if kind is TurnKind.CORRECTION:
        return Reply(turn, Then.CORRECT, (MSG_CORRECTED,))
    if kind is TurnKind.HELP:
        return Reply(turn, Then.HELP)
    return Reply(turn, Then.ANSWER)
