"""'Send og se svar': what is missing, sending, the answer promise, and every answer with its reason."""
from __future__ import annotations

import streamlit as st

from citizen_app import plan_widgets as pw
from citizen_app import message_widgets, session, ui
from citizen_app.labels import item_status_label
from citizen_app.i18n import (
    TIMEZONE,
    _,
    date_time,
    local_today,
    money,
    ngettext,
    weekday_date,
)
from storage import plan_changes, plan_view, programmes, submissions
from storage.db import read_session
from storage.statuses import ItemStatus
from storage.submissions import SubmissionSummary

PLAN_PAGE = "app_pages/plan.py"
# Answers the citizen must act on come first.
DECISION_ORDER = {"change": 0, "decline": 1, "approve": 2}

actor = session.current_actor()
cid = actor.id
with read_session() as s:
    plan = plan_view.get_plan(s, actor=actor, citizen_id=cid)
    versions = submissions.list_submissions(s, actor=actor, citizen_id=cid)
    answers = submissions.published_decisions(s, actor=actor, citizen_id=cid)
    answer_days = programmes.get_programme(s, actor=actor).answer_working_days
    goals_changed = submissions.goals_changed_since_sent(s, actor=actor, citizen_id=cid)
items = {item.id: item for item in plan.all_items()}
new_items, drops = plan_changes.to_send(plan)
read_only = not plan.is_open


def go_to_item(item_id: int | None) -> None:
    """Open the plan page, with the wish's form already open when there is one to fix."""
    pw.open_form(pw.edit_item_form(item_id) if item_id is not None else None)
    st.switch_page(PLAN_PAGE)


def sent_day(version: SubmissionSummary) -> str:
    return weekday_date(version.submitted_at.astimezone(TIMEZONE).date())


def waiting_status(version: SubmissionSummary) -> None:
    """The promise: when it was sent, and when the answer normally comes."""
    with st.container(border=True):
        st.markdown("#### " + _("Du venter på svar"))
        st.markdown(ngettext("Sendt {day}. Din støtteperson svarer normalt inden for {n} hverdag.",
                             "Sendt {day}. Din støtteperson svarer normalt inden for {n} hverdage.",
                             answer_days, day=sent_day(version)))
        if version.waiting(local_today()).overdue:
            st.warning(_("Svaret er forsinket. Skriv eller ring til din støtteperson, og spørg hvordan det går."),
                       icon=":material/schedule:")
        else:
            st.markdown(_("Du kan regne med svar senest {day}.", day=weekday_date(version.answer_by)))
        st.caption(_("Du kan godt arbejde videre på din plan, mens du venter."))


def money_after() -> None:
    """What the version does to the money if it is approved, next to what is approved already."""
    effect = plan_changes.consequence(plan)
    if effect.delta_ore > 0:
        st.markdown(_("Din plan bliver {amount} dyrere.", amount=money(effect.delta_ore)))
    elif effect.delta_ore < 0:
        st.markdown(_("Din plan bliver {amount} billigere.", amount=money(-effect.delta_ore)))
    else:
        st.markdown(_("Din plan koster det samme som før."))
    st.markdown(_("Du har {amount} tilbage bagefter.", amount=money(effect.left_after_ore)))


def what_changes() -> None:
    """A change after approval: what it does, and what it does to the money, before it is sent."""
    with st.container(border=True):
        st.markdown("#### " + _("Det ændrer du"))
        for item in new_items:
            old = items.get(item.replaces_item_id) if item.replaces_item_id else None
            if old is not None:
                st.markdown(_("Du ændrer et godkendt ønske fra {old} til {new}:",
                              new=money(item.total_ore or 0), old=money(old.approved_ore)))
            else:
                st.markdown(_("Nyt ønske til {amount}:", amount=money(item.total_ore or 0)))
            ui.plain(item.title)
        for item in drops:
            st.markdown(_("Du fjerner et godkendt ønske. Det giver {amount} tilbage:", amount=money(item.approved_ore)))
            ui.plain(item.title)
        if goals_changed:
            st.markdown(_("Du har ændret dine mål."))
        money_after()
        st.caption(_("Det, der er godkendt, købt eller betalt, bliver ikke rørt, før din støtteperson har svaret."))


def missing_or_send() -> None:
    st.markdown("#### " + _("Send din plan"))
    if not new_items and not drops and not goals_changed and versions:
        st.markdown(_("Du har ingen nye ønsker at sende lige nu."))
        st.page_link(PLAN_PAGE, label=_("Gå til min plan"), icon=":material/checklist:")
        return
    found = submissions.problems(plan, goals_changed=goals_changed)
    if found:
        st.markdown(_("Før du kan sende, mangler du det her:"))
        for n, problem in enumerate(found):
            with st.container(border=True):
                ui.say(problem.message, **problem.params)  # may hold a wish's title
                if problem.item_id is not None:
                    if st.button(_("Ret det i min plan"), key=f"fix_{n}_{problem.item_id}", icon=":material/edit:"):
                        go_to_item(problem.item_id)
        st.page_link(PLAN_PAGE, label=_("Gå til min plan"), icon=":material/checklist:")
        return
    if versions and (drops or goals_changed or any(i.replaces_item_id for i in new_items)):
        what_changes()
    else:
        total = sum(item.total_ore or 0 for item in new_items)
        st.markdown(ngettext("Du sender {n} ønske. Det koster {amount}.",
                             "Du sender {n} ønsker. De koster {amount} i alt.", len(new_items), amount=money(total)))
        if versions and plan.budget.approved_ore:  # after approval: the money, before sending
            money_after()
    st.caption(_("Din støtteperson ser på ønskerne og svarer dig. Du kan ikke ændre dem, mens du venter på svar."))
    st.button(_("Send til min støtteperson"), key="send_plan", type="primary", icon=":material/send:",
              on_click=ui.on_click(lambda s: submissions.submit(s, actor=actor, citizen_id=cid),
                                   _("Din plan er sendt til din støtteperson."), errors="send_plan"))
    ui.show_errors("send_plan")


def answer_card(item_id: int) -> None:
    history = answers[item_id]
    item = items[item_id]
    with st.container(border=True):
        ui.plain(item.title)
        st.markdown(pw.price_line(item))
        pw.show_decisions(history, key=f"history_answer_{item_id}")
        st.markdown(_("Status nu: {status}", status=item_status_label(item.status)))
        if item.status == ItemStatus.CHANGE_REQUESTED.value and not read_only:
            if st.button(_("Ret ønsket i min plan"), key=f"change_{item_id}", type="primary", icon=":material/edit:"):
                go_to_item(item_id)
        if item.status in (ItemStatus.CHANGE_REQUESTED.value, ItemStatus.DECLINED.value):
            message_widgets.ask_about_wish(item_id, cid)  # "Jeg forstår ikke svaret" → a message about this wish


def answered() -> None:
    shown = [i for i in answers if i in items]
    if not shown:
        return
    shown.sort(key=lambda i: (DECISION_ORDER.get(answers[i][0].decision, 3), -answers[i][0].decided_at.timestamp()))
    st.markdown("#### " + _("Svar fra din støtteperson"))
    to_change = sum(1 for i in shown if items[i].status == ItemStatus.CHANGE_REQUESTED.value)
    if to_change and not read_only:
        st.warning(ngettext("{n} ønske skal ændres. Ret det i din plan, og send det igen.",
                            "{n} ønsker skal ændres. Ret dem i din plan, og send dem igen.", to_change),
                   icon=":material/edit_note:")
    for item_id in shown:
        answer_card(item_id)


def version_list() -> None:
    st.markdown("#### " + _("Det har du sendt"))
    for version in versions:
        line = ngettext("Version {version}: sendt {day} med {n} ønske.",
                        "Version {version}: sendt {day} med {n} ønsker.", version.item_count,
                        version=version.version, day=sent_day(version))
        if version.answered_at is not None:
            status = _("Du fik svar {time}.", time=date_time(version.answered_at))
        else:
            status = _("Den venter på svar.")
        st.markdown(f"- {line} {status}")


st.title(_("Send og se svar"))
pw.plan_status_notice(plan)

waiting = [v for v in versions if v.answered_at is None]
if waiting:
    waiting_status(waiting[0])
answered()
if not read_only:
    missing_or_send()
if versions:
    version_list()
