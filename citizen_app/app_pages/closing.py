"""'Afslutning': the closing conversation (what changed, what's next), one question at a time and each answer
saved at once, and the final PDF the citizen keeps (goals, both sides' ratings, what was bought)."""
from __future__ import annotations

import streamlit as st

from citizen_app import help_panel, session, ui
from citizen_app.final_pdf import final_pdf_on_download
from citizen_app.i18n import _, current_language, long_date, local_today
from storage import citizens, closing, final_record
from storage.db import read_session
from storage.statuses import CitizenStatus

actor = session.current_actor()
cid = actor.id
today = local_today()
with read_session() as s:
    me = citizens.get_profile(s, actor=actor, citizen_id=cid)
    state = closing.load(s, actor=actor, citizen_id=cid)
    record = final_record.collect(s, actor=actor, citizen_id=cid)
ended = me.status == CitizenStatus.ENDED.value


def question(step) -> None:
    number, count = state.number, state.count
    st.caption(_("Spørgsmål {number} af {count}", number=number, count=count))
    for message in step.messages:
        st.markdown(_(message))
    key = f"closing_{step.id}"
    if step.kind == "choice":
        values = [o.value for o in step.options]
        labels = {o.value: _(o.label) for o in step.options}
        st.radio(_(step.simple), values, index=None, key=key, format_func=labels.get)
    else:
        st.text_area(_(step.simple), key=key, max_chars=step.max_length)
        if step.examples:
            st.caption(_("Fx: {examples}", examples=" · ".join(_(e) for e in step.examples)))
    row = st.container(horizontal=True, gap="small")
    row.button(_("Gem svaret"), key=f"save_{key}", type="primary", icon=":material/check:", on_click=help_panel.checking(
        actor, "closing", [key], ui.on_click(
            lambda s: closing.answer(s, actor=actor, citizen_id=cid, step_id=step.id,
                                     raw=st.session_state.get(key), today=today),
            _("Dit svar er gemt."), errors="closing")))
    row.button(_("Spring over"), key=f"skip_{key}", icon=":material/skip_next:", on_click=ui.on_click(
        lambda s: closing.skip(s, actor=actor, citizen_id=cid, step_id=step.id, today=today), errors="closing"))
    ui.show_errors("closing")


st.title(_("Afslutning"))
help_panel.hard_now_button("closing")
help_panel.show_if_needed()
if ended:
    st.info(_("Dit forløb er slut. Her kan du se tilbage og gemme dit forløb som PDF."), icon=":material/flag:")
if not closing.is_open(me.status, record.end_date, today):
    st.markdown(_(closing.MSG_NOT_OPEN))
elif state.step is not None:
    st.markdown("#### " + _("Se tilbage og frem"))
    question(state.step)
else:
    st.success(_("Tak. Du har svaret på alle spørgsmålene. Dine svar er gemt."), icon=":material/task_alt:")
st.divider()
st.markdown("#### " + _("Dit forløb som PDF"))
st.markdown(_("PDF'en viser dine mål, hvad du og din støtteperson har svaret om dem, og hvad du har fået."))
st.download_button(_("Hent mit forløb som PDF"), data=final_pdf_on_download(record, current_language(), today),
                   file_name=_("mit-forloeb.pdf"), mime="application/pdf", key="download_final_pdf",
                   icon=":material/download:", on_click="ignore")
if record.ended_at is not None:
    st.caption(_("Forløbet sluttede {date}.", date=long_date(record.ended_at.date())))
