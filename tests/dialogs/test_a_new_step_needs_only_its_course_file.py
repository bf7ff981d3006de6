"""Adding a step is an edit of one course file (plus its text in the catalogs): the engine routes through it,
the validator accepts it, and `borgerbudget check-course` says so or lists every error."""
from __future__ import annotations

import shutil

from dialogs import engine
from storage.cli import main

NEW_STEP = '''
[[modules.steps]]
id = "now_sleep"
kind = "text"
messages = ["Hvor sover du i nat?"]
simple = "Hvor sover du?"
default = "now_hard"
'''


def _course_with_new_step(tmp_path):
    folder = tmp_path / "course"
    shutil.copytree(engine.COURSE_DIR, folder)
    now = folder / "02_now.toml"
    text = now.read_text(encoding="utf-8").replace('default = "now_hard"', 'default = "now_sleep"', 1)
    now.write_text(text + NEW_STEP, encoding="utf-8")
    return folder


def test_a_new_step_in_a_course_file_is_routed_through(tmp_path):
    course = engine.load_course(_course_with_new_step(tmp_path))
    path = engine.routing_path(course, {})
    assert path[path.index("now_good") + 1:path.index("now_good") + 3] == ("now_sleep", "now_hard")
    position = engine.resume(course, {"welcome_start": "start"}, "now_sleep")
    assert position.step_id == "now_sleep" and not position.finished


def test_check_course_accepts_the_packaged_course_and_the_new_step(tmp_path, capsys):
    assert main(["check-course"]) == 0
    assert main(["check-course", str(_course_with_new_step(tmp_path))]) == 0
    assert f"{len(engine.load_course().steps) + 1} steps, no errors" in capsys.readouterr().out


def test_check_course_lists_every_error_and_fails(capsys):
    fixture = engine.COURSE_DIR.parent.parent / "tests" / "dialogs" / "fixtures" / "broken_everything.toml"
    assert main(["check-course", str(fixture)]) == 1
    out = capsys.readouterr().out
    assert "step 'strange_kind': unknown kind 'poem'" in out and "missing default route" in out
