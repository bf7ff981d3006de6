"""The reflection course as a conversation ("Samtale"), or as a plain step-by-step form.

Each answer is saved (storage.course) before the guide says anything more,
so a reload, a locked phone or a server restart loses nothing.
"""
from __future__ import annotations

import itertools

import streamlit as st

from citizen_app import course_helper, course_summary, goal_proposal, help_panel, message_widgets, session, ui
from citizen_app import course_view, wish_readback, workshop_box
from citizen_app import course_turns as ct
from citizen_app import course_widgets as cw
from citizen_app.i18n import _, money
from citizen_app.read_aloud import read_aloud
from dialogs import engine, replies
from storage import course, messages, workshops
from storage.db import transaction

actor = session.current_actor()
COURSE = engine.load_course()

# One read for the whole page (issue 18: a turn's run asks the database as few times as it can).
state, ctx, unread_answers, in_workshop = transaction(lambda s: (
    course.load_state(s, actor=actor, citizen_id=actor.id), course.context(s, actor=actor),
    messages.unread_count(s, actor=actor), workshops.mine(s, actor=actor)), read=True)
budget, months, name, categories = ctx.budget_ore, ctx.months, ctx.display_name, list(ctx.categories)
budget_text = money(budget)


def params_for(step_id: str) -> dict:
    params = engine.step_params(COURSE, step_id, state.answers)
    facts = {name: _(params[name]) if params[name] else "" for name in engine.FACT_PLACEHOLDERS}
    return {**params, **facts, "budget": budget_text, "months": months}


def pass_question_on(text: str, step_id: str) -> None:
    """The citizen's question from the course goes to their support person."""
    ui.on_click(lambda s: messages.ask_from_course(s, actor=actor, text=text, step_id=step_id), errors="answer")()


def answering(step_id: str):
    """The callback maker for the step's input: `read()` gives (raw, words) from the widget. The guide hears the
    turn first (storage.course.take_turn): an answer is saved; "ved ikke", "hvad mener du?", a question, a
    correction, "tilbage" or "pause" get the guide's reply. If the words carry a crisis signal, the course
    stops and shows help."""
    def make(read):
        def callback() -> None:
            raw, words = read()
            heard = []
            ui.on_click(lambda s: heard.append(course.take_turn(
                s, actor=actor, step_id=step_id, raw=raw, words=words if isinstance(words, str) else str(raw),
                categories=[c["key"] for c in categories])), errors="answer")()
            # Read for crisis signals whether or not the answer could be saved (storage/safety_signals.py).
            if isinstance(words, str) and help_panel.check(actor, words, "course"):
                st.session_state[cw.HELP_KEY] = "signal"
            if st.session_state.get(ui.ERRORS_KEY, {}).get("answer") and f"in_{step_id}_chat" in st.session_state:
                st.session_state[f"in_{step_id}_chat"] = words  # not saved: the words go back in the chat box
                return
            then = heard[0].reply.then if heard else None
            if then in (replies.Then.ASK, replies.Then.ANSWER_AND_ASK):
                pass_question_on(words, step_id)
            if then is replies.Then.PAUSE:
                st.session_state[ct.PAUSED_KEY] = True
        return callback
    return make


def doing(action):
    return ui.on_click(action)


st.title(_("Samtale"))
if in_workshop is not None:
    workshop_box.status(actor, in_workshop, can_leave=False)
message_widgets.new_answers_box(unread_answers)  # the support person's answers to questions asked here (issue 12)

# Always there: "Jeg har det svært lige nu" shows help and tells the support person.
if st.button(_("Jeg har det svært lige nu"), icon=":material/sos:", key="hard_now"):
    help_panel.pressed_hard_now(where="course")
    st.session_state[cw.HELP_KEY] = "button"


def show_turns(step_id: str) -> None:
    """One answered step as it went: the guide's question, what else was said about it, the answer, a reflection."""
    step = COURSE.step(step_id)
    cw.show_guide(step, params_for(step_id))
    ct.show_asides(state.asides.get(step_id, ()), params_for(step_id), key=step_id)
    cw.show_citizen(cw.describe_answer(step, state.answers[step_id], state.last_words.get(step_id)))
    ct.show_reflection(COURSE, state.path, state.answers, step_id, state.last_words.get(step_id))


def conversation() -> None:
    """The steps so far, the current question and its input; or the end of the course."""
    form_mode = st.toggle(_("Vis som formular"), value=state.form_mode, key="form_mode_toggle",
                          on_change=doing(lambda s: course.set_form_mode(
                              s, actor=actor, on=bool(st.session_state.get("form_mode_toggle")))))

    current = state.current_step_id
    if current is not None:
        where = engine.progress(COURSE, current)
        st.progress(where.module_number / where.module_count,
                    text=_("Trin {number} af {count}: {title}", number=where.module_number, count=where.module_count,
                           title=_(where.module_title)))

    if not form_mode:
        done = list(itertools.takewhile(lambda sid: sid != current and sid in state.answers, state.path))
        # At the end it is all drawn, once: the whole conversation to read through before the plan.
        split = max(0, len(done) - course_view.RECENT_STEPS) if current is not None else 0
        older, recent = done[:split], done[split:]
        if older:  # drawn only when opened: a turn late in the course no longer redraws all of it
            earlier = st.expander(_("Tidligere i samtalen"), key="course_earlier", on_change="rerun")
            if earlier.open:
                with earlier:
                    for step_id in older:
                        show_turns(step_id)
        for step_id in recent:
            show_turns(step_id)

    if current is None:
        st.success(_("Du er færdig med samtalen. Dine mål og ønsker står nu i din plan."), icon=":material/check:")
        if st.button(_("Gå til min plan"), type="primary"):
            st.switch_page("app_pages/plan.py")
        st.button(_("Tilbage"), on_click=doing(lambda s: course.go_back(s, actor=actor)))
    else:
        step = COURSE.step(current)
        if form_mode:
            with st.container(border=True):
                said = [cw.guide_text(message, params_for(current)) for message in step.messages]
                for text in said:
                    st.text(text)
                if step.hint:
                    st.caption(_(step.hint))
                read_aloud(" ".join([*said, _(step.hint) if step.hint else ""]), key=f"form_{current}",
                           personal=cw.has_own_words(step.messages, params_for(current)))
            ct.show_asides(state.asides.get(current, ()), params_for(current), key=current)
        else:
            cw.show_guide(step, params_for(current))
            ct.show_asides(state.asides.get(current, ()), params_for(current), key=current)
        ct.show_goodbye()

        course_helper.show(COURSE, step, state, name, params_for)  # the optional language model

        if course_summary.shows_summary(current):  # what the course has drafted, each line to change or remove
            course_summary.show(actor, categories, step_id=current)
        if state.pending is not None:  # a wish read from the citizen's words is read back before it is stored
            wish_readback.show(actor, state.pending)
        previous = state.answers.get(current)
        draft = goal_proposal.draft_for(step, state.answers, categories)  # a goal step: her own words, a topic
        with st.container(key=f"course_step_{current}"):  # the step's id, as a class name, for the browser tests
            if draft is not None:
                goal_proposal.offer(draft, categories, answering(current))
            cw.answer_input(step, categories, answering(current), chat=not form_mode,
                            initial=None if engine.is_skipped(previous) else previous, draft=draft)
        ui.show_errors("answer")
        course_view.keep_question_in_view()
        row = st.container(horizontal=True)
        row.button(_("Tilbage"), key="course_back", disabled=state.step_number() <= 1,
                   on_click=doing(lambda s: course.go_back(s, actor=actor)))
        row.button(_("Det vil jeg ikke svare på nu"), key="course_skip",
                   on_click=doing(lambda s: course.skip(s, actor=actor, step_id=current)))

    answered = [sid for sid in state.path if sid in state.answers and not engine.is_skipped(state.answers[sid])]
    if answered and (sharing := st.expander(_("Hvad må din støtteperson se?"), key="course_sharing",
                                             on_change="rerun")).open:
        with sharing:  # drawn only when opened (a text, a switch and a button for every answer)
            st.caption(_("Slå fra, hvis et svar kun er til dig."))
            help_panel.privacy_lines()
            for step_id in answered:
                step = COURSE.step(step_id)
                # The question may hold the citizen's own words ({goal}): plain text, never a widget label.
                st.text(cw.guide_text(step.messages[-1], params_for(step_id)))
                st.toggle(_("Del med min støtteperson"), value=state.shared.get(step_id, True),
                          key=f"share_{step_id}", on_change=doing(
                              lambda s, sid=step_id: course.set_shared(s, actor=actor, step_id=sid, shared=bool(
                                  st.session_state.get(f"share_{sid}")))))
                st.button(_("Ret svaret"), key=f"edit_{step_id}",
                          on_click=doing(lambda s, sid=step_id: course.go_to(s, actor=actor, step_id=sid)))


# Help first: after a crisis signal or "Jeg har det svært", the course waits until the citizen goes on.
# (No st.stop(): it would also skip the footer with the accessibility statement.)
if st.session_state.get(cw.HELP_KEY):
    help_panel.panel()
    st.button(_("Fortsæt samtalen"), key="continue_after_help", on_click=ui.clear_keys,
              args=(cw.HELP_KEY, help_panel.SHOWN_KEY, help_panel.SHARE_KEY))
else:
    conversation()
