"""Turns to finish the course for a citizen who answers briefly: now, and for the course at a git revision.

    .venv/bin/python scripts/course_turns.py [REVISION]     # e.g. be385ac (before issue 12)
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from dialogs import engine
from dialogs.brief_walk import walk

SCENARIOS = {
    "housing fine, one goal": dict(housing="fine", goals=1),
    "housing unsure, one goal": dict(housing="unsure", goals=1),
    "sofa told in passing, one goal": dict(housing="none", goals=1,
                                           said={"now_hard": "sover hos min bror paa sofaen"}),
    "housing unsure, two goals": dict(housing="unsure", goals=2),
}


def course_at(revision: str):
    folder = Path(tempfile.mkdtemp()) / "course"
    folder.mkdir()
    names = subprocess.run(["git", "ls-tree", "--name-only", f"{revision}:dialogs/course"], check=True,
                           capture_output=True, text=True).stdout.split()
    for name in names:
        text = subprocess.run(["git", "show", f"{revision}:dialogs/course/{name}"], check=True,
                              capture_output=True, text=True).stdout
        (folder / name).write_text(text, encoding="utf-8")
    return engine.build_course(engine.read_course_data(folder))  # an older course may lack newer required keys


def main() -> None:
    courses = {"now": engine.load_course()}
    if len(sys.argv) > 1:
        courses = {sys.argv[1]: course_at(sys.argv[1]), **courses}
    for name, kwargs in SCENARIOS.items():
        row = [f"{name:34}"]
        for label, course in courses.items():
            found = walk(course, use_facts=label == "now", **kwargs)
            row.append(f"{label}: {found.turns:2} turns, {found.guide_messages:2} guide lines")
        print("  |  ".join(row))


if __name__ == "__main__":
    main()
