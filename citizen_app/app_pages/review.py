"""'Svar på plan': decide each wished item with a plain reason, ask the coordinator, send the answer together.

Decisions are saved per item as they are made; the citizen sees them only after 'Send svar'. A sent
decision is changed only by a new one, and the history stays visible.
"""
from __future__ import annotations

import streamlit as st

from citizen_app import review_widgets as rw
from citizen_app import session, ui
from citizen_app.version_change_widgets import changes_box
from citizen_app import staff_nav as nav
from citizen_app import staff_words as words
from citizen_app.i18n import _, local_today, ngettext
from storage import (
    caseload,
    citizens,
    decisions,
    plan_view,
    price_hints,
    second_opinions,
    submissions,
    version_changes,
)
from storage.db import write_session
from storage.statuses import SubmissionStatus

actor = session.current_actor()
st.title(_("Svar på plan"))
today = local_today()


def _queue() -> None:
    """No citizen chosen: every plan waiting among the person's own citizens, longest waiting first."""
    with write_session() as s:
        rows = [r for r in caseload.overview(s, actor=actor) if r.waiting_since]
    rows.sort(key=lambda r: r.waiting_since)
    if not rows:
        st.write(_("Ingen planer venter på dit svar lige nu."))
    for row in rows:
        with st.container(border=True):
            ui.plain(row.display_name)
            words.show_waiting(row.waiting(today))
            st.button(_("Svar på planen"), key=f"queue_open_{row.citizen_id}", type="primary",
                      on_click=nav.choose, args=(row.citizen_id,))


def _waiting_submission(summary: submissions.SubmissionSummary,
                        opinions: dict[int, list[second_opinions.OpinionView]], view: plan_view.PlanView) -> None:
    def load(s):
        found = decisions.review_items(s, actor=actor, submission_id=summary.id)
        categories = price_hints.categories_by_item(view)
        return found, price_hints.hints_for(s, actor=actor, citizen_id=view.citizen_id, wishes={
            i.submission_item_id: (i.title, categories.get(i.wish_item_id)) for i in found})
    loaded = nav.load_or_refuse(load)
    if loaded is None:
        return
    items, hints = loaded
    st.subheader(_("Plan nummer {version}", version=summary.version))
    words.show_waiting(summary.waiting(today))
    for item in items:
        rw.review_item(actor, item, opinions, hints.get(item.submission_item_id))
    # After the wishes (each in its own card, found by its title): what this version changed since the last.
    changes = nav.load_or_refuse(lambda s: version_changes.changes_in(s, actor=actor, submission_id=summary.id))
    if changes is not None:
        changes_box(changes, first_version=summary.version == 1)
    missing = [i for i in items if i.draft_decision is None]
    if missing:
        st.warning(ngettext("{n} ønske mangler en beslutning:", "{n} ønsker mangler en beslutning:", len(missing)),
                   icon=":material/pending:")
        for item in missing:
            ui.plain(item.title)
    else:
        st.success(_("Alle ønsker har en beslutning. Borgeren ser svaret, når du trykker 'Send svar'."),
                   icon=":material/task_alt:")
    st.button(_("Send svar"), key=f"publish_{summary.id}", type="primary", icon=":material/send:",
              on_click=ui.on_click(lambda s: decisions.publish(s, actor=actor, submission_id=summary.id),
                                   _("Svaret er sendt. Borgeren kan se det nu."), errors=f"publish_{summary.id}"))
    ui.show_errors(f"publish_{summary.id}")


def _chosen(cid: int) -> None:
    loaded = nav.load_or_refuse(lambda s: (
        citizens.get_profile(s, actor=actor, citizen_id=cid),
        submissions.list_submissions(s, actor=actor, citizen_id=cid),
        second_opinions.for_citizen(s, actor=actor, citizen_id=cid),
        submissions.published_decisions(s, actor=actor, citizen_id=cid),
        plan_view.get_plan(s, actor=actor, citizen_id=cid),
    ))
    if loaded is None:
        return
    profile, sent, asked, told, view = loaded
    ui.plain(profile.display_name)
    st.button(_("Vis alle planer, der venter"), key="show_queue", icon=":material/list:", on_click=nav.choose,
              args=(None,))
    if not profile.plan_is_open:
        st.warning(_("Planen holder pause eller er afsluttet. Du kan bede om ændringer eller afslå, men ikke "
                     "godkende."), icon=":material/pause_circle:")
    opinions: dict[int, list[second_opinions.OpinionView]] = {}
    for opinion in asked:
        opinions.setdefault(opinion.wish_item_id, []).append(opinion)

    waiting_plans = sorted((x for x in sent if x.status == SubmissionStatus.WAITING.value), key=lambda x: x.version)
    if not waiting_plans:
        st.write(_("Der er ingen plan fra borgeren, som venter på svar."))
    for waiting_plan in waiting_plans:
        _waiting_submission(waiting_plan, opinions, view)

    items_by_id = {i.id: i for i in view.all_items()}
    answered = [(items_by_id[wid], history) for wid, history in told.items() if wid in items_by_id]
    if answered:
        st.subheader(_("Sendte svar"))
        for plan_item, item_history in answered:
            rw.sent_item(actor, plan_item, item_history)


chosen = nav.selected_citizen_id()
if chosen is None:
    _queue()
else:
    _chosen(chosen)
