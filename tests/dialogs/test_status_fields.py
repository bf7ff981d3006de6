"""The status questions are data a municipality edits (dialogs/status_fields.toml): the shipped file loads, and a
broken file is refused with every error named."""
from __future__ import annotations

import tomllib

import pytest

from dialogs import status_fields
from dialogs.status_fields import DECLINED, StatusFieldsError


def test_the_shipped_file_loads_and_every_field_can_be_declined():
    files = status_fields.load()
    assert set(files.fields) == set(status_fields.FIELD_KEYS)
    assert all(DECLINED in field.keys() for field in files.fields.values())
    assert files.field("substance").special and files.field("support_need").at == "end"
    assert files.field("housing").with_flag("housed") == ("supported", "own_home")


def test_answers_only_for_the_start_or_only_later_are_offered_at_the_right_moment():
    substance = status_fields.load().field("substance")
    assert "uses" in [a.key for a in substance.answers_for("start")]
    assert "stopped" not in [a.key for a in substance.answers_for("start")]
    assert "stopped" in [a.key for a in substance.answers_for("end")]


def test_a_broken_file_names_every_error():
    data = tomllib.loads(status_fields.PATH.read_text(encoding="utf-8"))
    data["fields"][0]["answers"].append({"key": "own_home", "label": "", "activity": True})
    data["fields"][1]["answers"].append({"key": DECLINED, "label": "Nej"})
    data["activities"][0]["source"] = "housing:castle"
    data["fields"] = [f for f in data["fields"] if f["key"] != "support_need"]
    with pytest.raises(StatusFieldsError) as refused:
        status_fields.parse(data)
    errors = "\n".join(refused.value.errors)
    for expected in ("answer own_home: the key is used twice", "answer own_home: the label is empty",
                     "the flag 'activity' belongs to the field occupation", f"not '{DECLINED}'",
                     "unknown source 'housing:castle'", "field support_need: missing"):
        assert expected in errors
