"""The right of access as a file: a zip with a plain-text document in the citizen's language and the same data
as JSON (storage/my_data.py collects it and says what is left out).

Why these two: plain text opens on any phone or library computer without an app, cannot carry markup from what
people wrote, and reads top to bottom like a letter; JSON is what another system needs (GDPR art. 20). Not a
PDF: the PDF fonts cannot draw every script people write in (see printable.py).
"""
from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime

import streamlit as st

from citizen_app import ui
from citizen_app.i18n import _, date_time, long_date, money
from citizen_app.labels import (
    DECISION_DONE,
    PAYMENT_STATUS_LABELS,
    action_label,
    item_status_label,
    label,
    role_label,
    status_label,
)
from dialogs.text import for_display
from storage import my_data
from storage.errors import N_

LEDGER_WORDS = {"approved": N_("Godkendt"), "approval_withdrawn": N_("Godkendelse trukket tilbage"),
                "payment_requested": N_("Bedt om betaling"), "payment_paid": N_("Betalt"),
                "payment_rejected": N_("Betaling afvist")}
SPEAKERS = {"guide": N_("Guiden"), "citizen": N_("Dig")}
SECTIONS = (
    ("goals", N_("Dine mål")), ("wishes", N_("Dine ønsker")), ("plans_sent", N_("Planer, du har sendt")),
    ("decisions", N_("Svar fra din støtteperson")), ("payments", N_("Betalinger")),
    ("budget_events", N_("Budgettets bevægelser")), ("check_ins", N_("Opfølgning")),
    ("journal_notes", N_("Din støttepersons notater om dig")), ("messages", N_("Beskeder og svar")),
    ("course", N_("Dine svar i samtalen")), ("conversation", N_("Samtalen")), ("workshops", N_("Værksteder")),
    ("help_shown", N_("Når appen viste dig hjælp")), ("who_looked", N_("Hvem har set din plan")),
)
HELP_SOURCES = {"signal": N_("Appen så det, du skrev."), "button": N_("Du trykkede på 'Jeg har det svært lige nu'.")}


def _when(iso: str | None) -> str:
    if not iso:
        return ""
    return long_date(date.fromisoformat(iso)) if len(iso) == 10 else date_time(datetime.fromisoformat(iso))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return for_display(value)
    return for_display(json.dumps(value, ensure_ascii=False))


def _lines(key: str, row: dict) -> list[str]:
    """One entry of a section as readable lines."""
    if key == "goals":
        return [_text(row["text"])]
    if key == "wishes":
        return [_text(row["title"]), _("Pris: {price}", price=money(row["price_ore"])) if row["price_ore"] else "",
                _("Status: {status}", status=item_status_label(row["status"])), _text(row["shop"]), _text(row["note"])]
    if key == "plans_sent":
        return [_("Version {version}, sendt {when}.", version=row["version"], when=_when(row["sent"]))] + [
            f"- {_text(w['title'])}: {money(w['price_ore'])}" for w in row["wishes"]]
    if key == "decisions":
        return [_("{decision}, sendt {when}.", decision=label(DECISION_DONE, row["decision"]),
                  when=_when(row["sent"])), _text(row["reason"])]
    if key == "payments":
        return [_("{amount} til {vendor}, {status}.", amount=money(row["amount_ore"]), vendor=_text(row["to"]),
                  status=label(PAYMENT_STATUS_LABELS, row["status"])), _text(row["reason"])]
    if key == "budget_events":
        return [f"{_when(row['when'])}: {label(LEDGER_WORDS, row['kind'])} {money(row['amount_ore'])}"]
    if key == "check_ins":
        return [_when(row["when"]),
                _("Trivsel (WHO-5): {raw} af 25 point.", raw=row["who5_raw"]) if row["who5_raw"] is not None else "",
                _("Din vurdering af målet: {rating} af 5.", rating=row["own_rating"]) if row["own_rating"] else "",
                _("Støttepersonens vurdering af målet: {rating} af 5.", rating=row["support_rating"])
                if row["support_rating"] else "", _text(row["note"])]
    if key == "journal_notes":
        return [_when(row["when"]), _text(row["text"])]
    if key == "messages":
        who = _("Dig") if row["from"] == "citizen" else _("Din støtteperson")
        return [f"{_when(row['when'])} – {who}: {_text(row['text'])}" if not row["deleted"]
                else f"{_when(row['when'])} – {who}: " + _("Beskeden er slettet.")]
    if key == "conversation":
        return [f"{_when(row['when'])} – {label(SPEAKERS, row['who'])}: {_text(row['text'])}"]
    if key == "help_shown":
        return [f"{_when(row['when'])}: {label(HELP_SOURCES, row['how'])}",
                _("Du delte: {words}", words=_text(row["shared_words"])) if row["shared_words"] else ""]
    if key == "workshops":
        return [f"{_text(row['title'])}, {_when(row['joined'])}"]
    if key == "who_looked":
        return [f"{_when(row['when'])}: {role_label(row['role'])} – {action_label(row['action'])}"]
    return [_text(row)]


def readable(data: dict) -> str:
    """The document: who, then each kind of data under its heading, in the session's language."""
    profile, login = data["profile"], data["login"]
    out = [_("Det ved Borgerbudget om dig"), "",
           _("Navn: {name}", name=_text(profile["name"])), _("Nummer: {number}", number=profile["number"]),
           _("Status: {status}", status=status_label(profile["status"])), _text(profile["status_reason"]),
           _("Budget: {amount}", amount=money(profile["budget_ore"])),
           _("Periode: {start} til {end}", start=_when(profile["start"]), end=_when(profile["end"])),
           _("Støtteperson: {name}", name=_text(profile["support_person"])),
           _("Din kode blev lavet {when}.", when=_when(login["code_made"])), ""]
    if data["made_by"] != "citizen":
        out += [_("Din støtteperson har hentet filen for dig. Svar fra samtalen, som du ikke har delt, er ikke med. "
                  "Dem kan du selv hente."), ""]
    out += [_("Svar, som din støtteperson ikke har sendt endnu, er ikke med. Heller ikke spørgsmål mellem de "
              "ansatte. Spørg din støtteperson, hvis du vil se dem."), ""]
    for key, heading in SECTIONS:
        rows = data["course"]["answers"] if key == "course" else data[key]
        out += [_(heading), "=" * len(_(heading))]
        if not rows:
            out.append(_("Intet."))
        for row in rows:
            if key == "course":
                out += [_(row["question"]) if row["question"] else row["step"], _text(row["answer"])]
            else:
                out += [line for line in _lines(key, row) if line]
            out.append("")
        out.append("")
    return "\n".join(out)


def zip_bytes(data: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("laes-mig.txt", readable(data))
        archive.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2))
    return buffer.getvalue()


def download(actor, citizen_id: int, key: str, make_label: str) -> None:
    """'Make the file' (an audited export), then 'Hent filen'."""
    field = f"my_data_{key}"

    collected: list[dict] = []

    def make(s) -> None:
        collected[:] = [my_data.collect(s, actor=actor, citizen_id=citizen_id)]

    def pack() -> None:  # after the transaction: zipping holds no lock
        st.session_state[field] = zip_bytes(collected.pop())

    st.button(make_label, key=f"{field}_make", icon=":material/folder_zip:",
              on_click=ui.on_click(make, errors=field, after=pack))
    ui.show_errors(field)
    if field in st.session_state:
        st.download_button(_("Hent filen"), st.session_state[field], file_name="borgerbudget-data.zip",
                           mime="application/zip", key=f"{field}_get", icon=":material/download:")

