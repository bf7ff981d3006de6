"""Messages: one thread per citizen between the citizen and their support person (issue 16, "Messages").

The citizen writes from the home page, from a wish in the plan ("Jeg forstår ikke svaret") and from the course
(the questions the guide passes on: `ask_from_course`); the support person answers from the overview and the
citizen's page. Plain text only, cleaned like all typed text (dialogs/text.clean_text, dialogs/limits.MESSAGE),
with the same crisis check as all citizen text (the result says so; the page shows the help panel).

Rules, all here:
- a citizen reads and writes only their own thread; a support person only their own citizens' threads; a
  coordinator may read (never write) a thread of their programme only while a second opinion was asked about
  one of the citizen's wishes. Every staff read is audited against the citizen.
- reading marks the other side's messages read (the coordinator's read marks nothing: they do not answer).
- a message can be changed or deleted only by its author and only until the other side has read it; a deletion
  empties the text, keeps the row (``deleted_at``, ``deleted_by``) and is audited.
- the answer promise: a citizen's message is answered within `ANSWER_WORKING_DAYS` Danish working days
  (storage/dates.py, the same calendar as a sent plan's promise).

The other side is told through the outbox (storage/notifications.py), in the same transaction as the message:
a rolled-back message tells nobody.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, exists, func, select, update
from sqlalchemy.orm import Session

from dialogs import limits
from dialogs.safety import CrisisSignal, detect_crisis
from dialogs.text import clean_text
from storage import audit, notifications
from storage.access import Action, Actor, ActorKind, Resource, authorize, require_role
from storage.config import load_config
from storage.dates import promised_answer_date
from storage.errors import AccessDenied, DomainError, N_
from storage.models import Citizen, Goal, Message, SecondOpinion, StaffRole, StaffUser, WishItem, utcnow

ANSWER_WORKING_DAYS = 2  # the promise to the citizen: an answer within this many Danish working days
THREAD_LIMIT = 500       # the newest messages shown in a thread

CITIZEN, STAFF = "citizen", "staff"

EMPTY = N_("Skriv en besked.")
ALREADY_READ = N_("Beskeden er læst. Den kan ikke ændres eller slettes nu. Skriv en ny besked i stedet.")
NOT_YOURS = N_("Du kan kun ændre dine egne beskeder.")
ONLY_CITIZEN = N_("Det kan kun borgeren selv gøre.")
UNKNOWN_ABOUT = N_("Det ønske eller mål findes ikke i din plan.")

@dataclass(frozen=True)
class Sent:
    """What the page needs after sending: the message, the crisis signal in it (show the help panel), and the
    promised answer date (a citizen's message; None for the support person's answer)."""

    message_id: int
    crisis: CrisisSignal | None
    answer_by: date | None


@dataclass(frozen=True)
class MessageView:
    id: int
    mine: bool                  # written by the one reading the thread (for staff: by staff)
    author_kind: str            # 'citizen' or 'staff'
    author_name: str            # the staff member's display name; the citizen's own name for theirs
    text: str                   # empty when deleted
    created_at: datetime
    about_title: str | None     # the wish's title or the goal's text it is about
    from_course: bool
    read_by_other: bool         # the other side has read it (then it can no longer be changed)
    deleted: bool

    @property
    def can_change(self) -> bool:
        return self.mine and not self.read_by_other and not self.deleted


@dataclass(frozen=True)
class Thread:
    citizen_id: int
    messages: list[MessageView]   # oldest first
    answer_by: date | None        # the promise for the citizen's oldest unanswered message, or None


@dataclass(frozen=True)
class WaitingThread:
    """A citizen whose messages wait for the support person's answer (for the overview)."""

    citizen_id: int
    display_name: str
    internal_ref: str
    unread: int                  # the citizen's messages the support person has not read
    waiting_since: datetime      # the oldest of the citizen's messages after the last answer
    answer_by: date              # the promise for it

    def overdue(self, today: date) -> bool:
        return today > self.answer_by


# --- writing -------------------------------------------------------------------------------------------------


def _clean(text: object) -> str:
    return clean_text(text, limit=limits.MESSAGE, required=True, empty_message=EMPTY)  # type: ignore[return-value]


def _check_about(session: Session, citizen_id: int, about_wish_id: int | None, about_goal_id: int | None) -> None:
    """A message may point at one of the citizen's own wishes or goals, never at someone else's."""
    if about_wish_id is not None:
        owner = session.scalar(select(WishItem.citizen_id).where(WishItem.id == about_wish_id))
        if owner != citizen_id:
            raise DomainError(UNKNOWN_ABOUT)
    if about_goal_id is not None:
        owner = session.scalar(select(Goal.citizen_id).where(Goal.id == about_goal_id))
        if owner != citizen_id:
            raise DomainError(UNKNOWN_ABOUT)


def _add(session: Session, actor: Actor, citizen_id: int, text: object, *, about_wish_id: int | None = None,
         about_goal_id: int | None = None, from_course_step: str | None = None) -> Message:
    citizen = authorize(session, actor, citizen_id, Resource.MESSAGE, Action.WRITE)
    if actor.kind is not ActorKind.STAFF and not can_write_after_end(citizen.ended_at):
        raise DomainError(N_("Dit forløb er slut, så du kan ikke skrive her mere. Ring til kommunen, hvis du har "
                             "brug for hjælp."))
    body = _clean(text)
    _check_about(session, citizen_id, about_wish_id, about_goal_id)
    is_staff = actor.kind is ActorKind.STAFF
    message = Message(citizen_id=citizen_id, author_kind=STAFF if is_staff else CITIZEN,
                      author_staff_id=actor.id if is_staff else None, body=body, about_wish_id=about_wish_id,
                      about_goal_id=about_goal_id, from_course_step=from_course_step, created_at=utcnow())
    session.add(message)
    session.flush()
    # An answer marks nothing read: a message the citizen sent while it was being typed has not been seen.
    audit.record(session, actor, "write_message", citizen_id=citizen_id, object_type="message",
                 object_id=message.id, detail="course" if from_course_step else None)
    if is_staff:  # the other side is told that something waits (no text in the e-mail or SMS)
        notifications.message_answered(session, citizen_id)
    else:
        notifications.message_from_citizen(session, citizen_id)
    return message


def writes_until(ended_at: datetime | None) -> date | None:
    """The last day a citizen whose programme ended may write to their support person (None: not ended)."""
    if ended_at is None:
        return None
    return (ended_at + timedelta(days=load_config().days_after_end)).date()


def can_write_after_end(ended_at: datetime | None) -> bool:
    until = writes_until(ended_at)
    return until is None or utcnow().date() <= until


def write(session: Session, *, actor: Actor, citizen_id: int, text: object, about_wish_id: int | None = None,
          about_goal_id: int | None = None) -> Sent:
    """A message in the citizen's thread, by the citizen or their support person."""
    message = _add(session, actor, citizen_id, text, about_wish_id=about_wish_id, about_goal_id=about_goal_id)
    if actor.is_staff:
        return Sent(message.id, None, None)
    return Sent(message.id, detect_crisis(message.body), promised_answer_date(message.created_at,
                                                                              ANSWER_WORKING_DAYS))


def ask_from_course(session: Session, *, actor: Actor, text: object, step_id: str) -> Message:
    """A question the course's guide passes on to the support person ("Godt spørgsmål. Jeg sender det til din
    støtteperson."): it lands in the citizen's thread, marked with the step it came from. Only the citizen."""
    if actor.kind is not ActorKind.CITIZEN:
        raise DomainError(ONLY_CITIZEN)
    return _add(session, actor, actor.id, text, from_course_step=(step_id or None) and str(step_id)[:80])


def crisis_in(text: str) -> CrisisSignal | None:
    """The same crisis check as all citizen text, for a caller holding a Message (ask_from_course)."""
    return detect_crisis(text)


def _own_unread(session: Session, actor: Actor, message_id: int) -> Message:
    message = session.get(Message, message_id)
    if message is None:
        raise AccessDenied()
    authorize(session, actor, message.citizen_id, Resource.MESSAGE, Action.WRITE)
    mine = (message.author_kind == STAFF and actor.is_staff and message.author_staff_id == actor.id) or \
           (message.author_kind == CITIZEN and actor.kind is ActorKind.CITIZEN)
    if not mine:
        raise DomainError(NOT_YOURS)
    if message.deleted_at is not None:
        raise DomainError(ALREADY_READ if _read_by_other(message) else NOT_YOURS)
    if _read_by_other(message):
        raise DomainError(ALREADY_READ)
    return message


def _read_by_other(message: Message) -> bool:
    return (message.read_by_staff_at if message.author_kind == CITIZEN else message.read_by_citizen_at) is not None


def edit(session: Session, *, actor: Actor, message_id: int, text: object) -> None:
    """The author corrects a message the other side has not read yet."""
    message = _own_unread(session, actor, message_id)
    message.body = _clean(text)
    message.edited_at = utcnow()
    audit.record(session, actor, "edit_message", citizen_id=message.citizen_id, object_type="message",
                 object_id=message.id)


def delete(session: Session, *, actor: Actor, message_id: int) -> None:
    """The author takes back a message the other side has not read yet. The row stays, with who and when."""
    message = _own_unread(session, actor, message_id)
    message.body = ""
    message.deleted_at = utcnow()
    message.deleted_by = message.author_kind
    audit.record(session, actor, "delete_message", citizen_id=message.citizen_id, object_type="message",
                 object_id=message.id)


# --- reading -------------------------------------------------------------------------------------------------


def _authorize_read(session: Session, actor: Actor, citizen_id: int) -> None:
    authorize(session, actor, citizen_id, Resource.MESSAGE, Action.READ)
    if actor.is_staff and actor.role is StaffRole.COORDINATOR:
        asked = session.scalar(select(exists().where(SecondOpinion.wish_item_id == WishItem.id,
                                                     WishItem.citizen_id == citizen_id)))
        if not asked:
            raise AccessDenied()


def _mark_read(session: Session, citizen_id: int, *, reader: str) -> int:
    """Mark the other side's unread messages read; returns how many."""
    column, author = ((Message.read_by_staff_at, CITIZEN) if reader == STAFF
                      else (Message.read_by_citizen_at, STAFF))
    unread = (Message.citizen_id == citizen_id, Message.author_kind == author, column.is_(None),
              Message.deleted_at.is_(None))
    if session.scalar(select(Message.id).where(*unread).limit(1)) is None:
        return 0  # nothing to mark: no write, so a page with nothing new can read in a read transaction
    result = session.execute(update(Message).where(*unread).values({column.key: utcnow()})
                             .execution_options(synchronize_session="fetch"))
    return int(result.rowcount or 0)


def thread(session: Session, *, actor: Actor, citizen_id: int) -> Thread:
    """The citizen's thread, oldest first; the reader's unread messages become read (the citizen's own, or the
    support person's). Staff reads are audited; a coordinator's read (second opinion) marks nothing read."""
    _authorize_read(session, actor, citizen_id)
    reader = STAFF if actor.is_staff else CITIZEN
    marked = 0
    if actor.kind is ActorKind.CITIZEN or actor.role is StaffRole.SUPPORT:
        marked = _mark_read(session, citizen_id, reader=reader)
    if actor.is_staff:
        audit.record(session, actor, "read_messages", citizen_id=citizen_id, detail=f"marked_read={marked}")
    citizen_name = session.scalar(select(Citizen.display_name).where(Citizen.id == citizen_id)) or ""
    rows = session.execute(
        select(Message, StaffUser.display_name, WishItem.title, Goal.text)
        .outerjoin(StaffUser, StaffUser.id == Message.author_staff_id)
        .outerjoin(WishItem, WishItem.id == Message.about_wish_id)
        .outerjoin(Goal, Goal.id == Message.about_goal_id)
        .where(Message.citizen_id == citizen_id)
        .order_by(Message.created_at.desc(), Message.id.desc()).limit(THREAD_LIMIT)).all()
    views = [MessageView(id=m.id, mine=m.author_kind == reader, author_kind=m.author_kind,
                         author_name=(staff_name or "") if m.author_kind == STAFF else citizen_name,
                         text=m.body if m.deleted_at is None else "", created_at=m.created_at,
                         about_title=wish_title or goal_text, from_course=m.from_course_step is not None,
                         read_by_other=_read_by_other(m), deleted=m.deleted_at is not None)
             for m, staff_name, wish_title, goal_text in reversed(rows)]
    return Thread(citizen_id, views, _answer_by(views))


def new_answers(session: Session, *, actor: Actor) -> list[MessageView]:
    """For the course: the support person's messages the citizen has not read yet, oldest first; they become
    read (the citizen sees them now). Empty when there is nothing new, without touching the thread."""
    if actor.kind is not ActorKind.CITIZEN:
        raise DomainError(ONLY_CITIZEN)
    if not unread_count(session, actor=actor):
        return []
    before = utcnow()
    unread_ids = set(session.scalars(select(Message.id).where(
        Message.citizen_id == actor.id, Message.author_kind == STAFF, Message.read_by_citizen_at.is_(None),
        Message.deleted_at.is_(None), Message.created_at <= before)))
    return [m for m in thread(session, actor=actor, citizen_id=actor.id).messages if m.id in unread_ids]


def _answer_by(views: list[MessageView]) -> date | None:
    """The promise for the oldest of the citizen's messages after the support person's last answer."""
    waiting: datetime | None = None
    for view in views:
        if view.deleted:
            continue
        if view.author_kind == STAFF:
            waiting = None
        elif waiting is None:
            waiting = view.created_at
    return promised_answer_date(waiting, ANSWER_WORKING_DAYS) if waiting else None


def unread_count(session: Session, *, actor: Actor, citizen_id: int | None = None) -> int:
    """Unread messages for the reader: a citizen, the support person's answers in their own thread; a support
    person, their citizens' messages (all of them, or one citizen's with ``citizen_id``). Only numbers: no
    citizen's data is shown, so nothing is audited."""
    if actor.kind is ActorKind.CITIZEN:
        return int(session.scalar(select(func.count()).select_from(Message).where(
            Message.citizen_id == actor.id, Message.author_kind == STAFF, Message.read_by_citizen_at.is_(None),
            Message.deleted_at.is_(None))) or 0)
    require_role(actor, StaffRole.SUPPORT)
    query = (select(func.count()).select_from(Message).join(Citizen, Citizen.id == Message.citizen_id)
             .where(Citizen.support_person_id == actor.id, Citizen.programme_id == actor.programme_id,
                    Message.author_kind == CITIZEN, Message.read_by_staff_at.is_(None),
                    Message.deleted_at.is_(None)))
    if citizen_id is not None:
        query = query.where(Message.citizen_id == citizen_id)
    return int(session.scalar(query) or 0)


def waiting_threads(session: Session, *, actor: Actor) -> list[WaitingThread]:
    """The support person's citizens whose messages wait for an answer, the longest waiting first. Waiting =
    the citizen wrote after the support person's last message (deleted messages do not count). Two statements
    and the list's audit events, whatever the number of citizens."""
    require_role(actor, StaffRole.SUPPORT)
    mine = and_(Citizen.support_person_id == actor.id, Citizen.programme_id == actor.programme_id)
    live = Message.deleted_at.is_(None)
    last_answer = (select(Message.citizen_id, func.max(Message.created_at).label("at"))
                   .where(Message.author_kind == STAFF, live).group_by(Message.citizen_id).subquery())
    pending = (
        select(Message.citizen_id, func.min(Message.created_at).label("since"))
        .outerjoin(last_answer, last_answer.c.citizen_id == Message.citizen_id)
        .where(Message.author_kind == CITIZEN, live,
               (last_answer.c.at.is_(None)) | (Message.created_at > last_answer.c.at))
        .group_by(Message.citizen_id).subquery())
    unread = (select(Message.citizen_id, func.count().label("n"))
              .where(Message.author_kind == CITIZEN, live, Message.read_by_staff_at.is_(None))
              .group_by(Message.citizen_id).subquery())
    rows = session.execute(
        select(Citizen.id, Citizen.display_name, Citizen.internal_ref, pending.c.since,
               func.coalesce(unread.c.n, 0))
        .join(pending, pending.c.citizen_id == Citizen.id)
        .outerjoin(unread, unread.c.citizen_id == Citizen.id)
        .where(mine).order_by(pending.c.since, Citizen.id)).all()
    result = [WaitingThread(cid, name, ref, int(n), since, promised_answer_date(since, ANSWER_WORKING_DAYS))
              for cid, name, ref, since, n in rows]
    if result:
        audit.record_reads(session, actor, "list_messages", (r.citizen_id for r in result),
                           detail=f"count={len(result)}")
    return result
