"""The citizen's start page: who they are, their budget, and the next thing to do."""
from __future__ import annotations

import streamlit as st

from citizen_app import help_panel, message_widgets, session, ui, workshop_box
from citizen_app.programme_end import ended_box
from citizen_app.sms_box import sms_box
from citizen_app.budget_bar import budget_box
from citizen_app.i18n import _, ngettext, pgettext
from citizen_app.read_aloud import read_aloud
from dialogs.text import isolate
from storage import citizens, course, messages, milestone_status, plan_view
from storage.db import read_session, transaction
from storage.statuses import CitizenStatus

actor = session.current_actor()
with read_session() as s:
    me = citizens.get_profile(s, actor=actor, citizen_id=actor.id)
    name, status, reason = me.display_name, me.status, me.status_reason
    state = course.load_state(s, actor=actor, citizen_id=actor.id)
    my_plan = plan_view.get_plan(s, actor=actor, citizen_id=actor.id)
    due = milestone_status.for_citizen(s, actor=actor, citizen_id=actor.id)

ui.heading(_("Hej {name}", name=isolate(name)))  # the citizen's own text: escaped, never markdown
if status == CitizenStatus.PAUSED.value:
    st.info(_("Din plan holder pause lige nu. Intet er væk. Tal med din støtteperson om, hvornår I går videre."))
    ui.plain(reason)
elif status == CitizenStatus.ENDED.value:
    ended_box(reason, me.ended_at)

if due is not None and due.citizen in milestone_status.OPEN:
    with st.container(border=True):
        if due.goals:
            st.write(_("Det er tid til at se på dine mål."))
        else:  # no goals yet: only WHO-5 waits
            st.write(_("Vil du svare på fem korte spørgsmål om, hvordan du har haft det?"))
        st.page_link("app_pages/progress.py", label=_("Se, hvordan det går"), icon=":material/trending_up:")

if not state.answers:
    next_step = _("Start med en samtale om, hvad der er vigtigt for dig.")
elif not state.finished:
    next_step = _("Du er i gang med samtalen. Du kan fortsætte, hvor du slap.")
else:
    next_step = _("Du har været hele samtalen igennem. Nu kan du arbejde med din plan.")
st.write(next_step)
read_aloud(next_step, key="home_next_step")
if not state.finished:
    st.page_link("app_pages/course.py", label=_("Fortsæt samtalen") if state.answers else _("Start samtalen"),
                 icon=":material/chat:")
st.page_link("app_pages/plan.py", label=_("Se min plan"), icon=":material/checklist:")
st.page_link("app_pages/submit.py", label=_("Send planen og se svar"), icon=":material/send:")
st.page_link("app_pages/progress.py", label=_("Sådan går det med dine mål"), icon=":material/trending_up:")
st.page_link("app_pages/access_log.py", label=_("Se, hvem der har set din plan"), icon=":material/visibility:")
budget_box(my_plan.budget, end_date=my_plan.end_date)

if me.plan_is_open:
    in_workshop = workshop_box.joined_workshop(actor)
    if in_workshop is None:
        workshop_box.join_form(actor)
    else:
        workshop_box.status(actor, in_workshop)


def messages_box() -> None:
    """'Beskeder': the thread with the support person (reading it marks their answers read) and a box to write."""
    st.subheader(pgettext("thread", "Beskeder"))  # "Beskeder" alone is Streamlit's Notifications (theme.py)
    unread = transaction(lambda s: messages.unread_count(s, actor=actor), read=True)
    # Reading the thread marks new answers read: a write transaction only when there is something to mark.
    thread = transaction(lambda s: messages.thread(s, actor=actor, citizen_id=actor.id), read=not unread)
    if unread:
        st.info(ngettext("Du har {n} ny besked fra din støtteperson.", "Du har {n} nye beskeder fra din støtteperson.",
                         unread), icon=":material/mark_email_unread:")
    message_widgets.show_thread(thread, for_citizen=True, key="home_thread")
    message_widgets.write_box(actor.id, key="home_message", label=_("Skriv til din støtteperson"),
                              button=_("Send beskeden"))
    help_panel.show_if_needed()


messages_box()
sms_box(actor)
