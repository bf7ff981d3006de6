"""When the app shows a citizen where to get help, and what their support person may see of it.

One rule for every page: each piece of free text a citizen writes (the course, goals, wishes, notes, questions)
goes through `check_citizen_text`. On a crisis signal (dialogs.safety.detect_crisis) it records that help
was shown and returns the record's id: the page then shows the help panel (citizen_app/help_panel.py).
The "Jeg har det svært lige nu" button records the same through `help_button`.

The support person sees at the top of their overview that help was shown, and when (`open_help_notices`),
never the words, unless the citizen chose to share them in the help panel (`share_words`). The citizen is
told so in the privacy text. Every staff read is audited.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from dialogs import limits
from dialogs.safety import detect_crisis
from dialogs.text import clean_text
from storage import audit, notifications
from storage.access import Actor, ActorKind, require_role
from storage.errors import N_, DomainError
from storage.models import Citizen, HelpShown, StaffRole
from storage.models.base import utcnow

SIGNAL, BUTTON = "signal", "button"


def check_citizen_text(session: Session, *, actor: Actor, text: object, where: str) -> int | None:
    """If what the citizen wrote carries a crisis signal: record that help is shown, tell the support person,
    and return the record's id (the page shows the help panel). None when there is no signal, or the writer
    is not a citizen. Call it whether or not the text itself could be saved."""
    if actor.kind is not ActorKind.CITIZEN or not isinstance(text, str) or detect_crisis(text) is None:
        return None
    return _record(session, actor, SIGNAL, where)


def help_button(session: Session, *, actor: Actor, where: str | None = None) -> int:
    """'Jeg har det svært lige nu': record that help is shown and tell the support person."""
    if actor.kind is not ActorKind.CITIZEN:
        raise DomainError(N_("Det kan kun borgeren selv gøre."))
    return _record(session, actor, BUTTON, where)


def _record(session: Session, actor: Actor, source: str, where: str | None) -> int:
    now = utcnow()
    citizen = session.get_one(Citizen, actor.id)
    if citizen.needs_help_since is None:  # "Har det svært" on the support person's overview, until seen
        citizen.needs_help_since = now
    notifications.help_shown(session, citizen.id)  # at once, by e-mail; not repeated within the hour
    shown = HelpShown(citizen_id=actor.id, at=now, source=source, place=(where or None) and where[:30])
    session.add(shown)
    session.flush()
    audit.record(session, actor, "help_shown", citizen_id=actor.id, object_type="help_shown", object_id=shown.id,
                 detail=f"source={source} place={where or '-'}")
    return shown.id


def share_words(session: Session, *, actor: Actor, help_id: int, words: str | None) -> None:
    """The citizen shares (words) or takes back (None) what they wrote when help was shown."""
    if actor.kind is not ActorKind.CITIZEN:
        raise DomainError(N_("Det kan kun borgeren selv gøre."))
    shown = session.get(HelpShown, help_id)
    if shown is None or shown.citizen_id != actor.id:
        raise DomainError(N_("Det findes ikke."))
    text = words[: limits.NOTE] if isinstance(words, str) else None
    shown.shared_words = clean_text(text, limit=limits.NOTE, required=False)
    audit.record(session, actor, "share_help_words" if shown.shared_words else "unshare_help_words",
                 citizen_id=actor.id, object_type="help_shown", object_id=help_id)


@dataclass(frozen=True)
class HelpNotice:
    """What the support person sees: help was shown to a citizen, when, how; words only if shared."""

    citizen_id: int
    display_name: str
    since: datetime                 # the first time since the support person last marked it as seen
    last_at: datetime | None        # the newest time help was shown (None: flagged before this was recorded)
    times: int                      # how often since `since`
    by_button: bool                 # the citizen pressed 'Jeg har det svært lige nu'
    by_signal: bool                 # the app noticed words in what the citizen wrote
    shared_words: tuple[str, ...]   # only what the citizen chose to share, oldest first


def open_help_notices(session: Session, *, actor: Actor) -> list[HelpNotice]:
    """Citizens in the actor's overview who were shown help since it was last marked as seen, newest first.
    Two statements at any size; audited per citizen, and the shared words separately."""
    require_role(actor, StaffRole.SUPPORT, StaffRole.COORDINATOR)
    scope = Citizen.programme_id == actor.programme_id
    if actor.role is StaffRole.SUPPORT:
        scope = and_(scope, Citizen.support_person_id == actor.id)
    flagged = session.execute(
        select(Citizen.id, Citizen.display_name, Citizen.needs_help_since)
        .where(scope, Citizen.needs_help_since.is_not(None))
        .order_by(Citizen.needs_help_since.desc(), Citizen.id)).all()
    if not flagged:
        return []
    since = {row.id: row.needs_help_since for row in flagged}
    shown: dict[int, list[HelpShown]] = {cid: [] for cid in since}
    for row in session.scalars(select(HelpShown).where(HelpShown.citizen_id.in_(since))
                               .order_by(HelpShown.at, HelpShown.id)):
        if row.at >= since[row.citizen_id]:
            shown[row.citizen_id].append(row)
    notices = [
        HelpNotice(row.id, row.display_name, row.needs_help_since,
                   max((h.at for h in shown[row.id]), default=None), len(shown[row.id]),
                   any(h.source == BUTTON for h in shown[row.id]), any(h.source == SIGNAL for h in shown[row.id]),
                   tuple(h.shared_words for h in shown[row.id] if h.shared_words))
        for row in flagged]
    notices.sort(key=lambda n: n.last_at or n.since, reverse=True)
    audit.record_reads(session, actor, "list_help_shown", (n.citizen_id for n in notices),
                       detail=f"count={len(notices)}")
    with_words = [n.citizen_id for n in notices if n.shared_words]
    if with_words:
        audit.record_reads(session, actor, "read_shared_help_words", with_words, detail=f"count={len(with_words)}")
    return notices

