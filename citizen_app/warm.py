"""Once per server process: load what every page needs, then freeze the heap for the garbage collector.

Everything loaded at start (Streamlit, SQLAlchemy, Babel, our modules, the parsed course) lives as long
as the process. ``gc.freeze()`` moves those objects out of the collector's generations, so a
collection only walks what was made since: the sessions' state and each run's garbage. That keeps
Streamlit's collection after every script run (``runner.postScriptGC``) as cheap as in a bare
Streamlit app; the app ships with that collection off anyway (.streamlit/config.toml), and this keeps
Python's own occasional full collections short. Figures in the README ("Speed and memory").
"""
from __future__ import annotations

import gc
import importlib
import pkgutil
import threading

PACKAGES = ("citizen_app", "dialogs", "storage")
# Pages are scripts, run by st.navigation; the rest are tools that a running server never loads.
SKIP = ("citizen_app.app_pages", "citizen_app.streamlit_app", "storage.migrations", "storage.migrate", "storage.cli",
        "dialogs.babel_extract")

_lock = threading.Lock()
_done = threading.Event()


def modules() -> list[str]:
    names = []
    for package in PACKAGES:
        path = importlib.import_module(package).__path__
        for info in pkgutil.walk_packages(path, prefix=f"{package}."):
            if not info.name.startswith(SKIP):
                names.append(info.name)
    return sorted(names)


def once() -> None:
    """Import every module the pages use and parse the course, then gc.freeze(); only the first call works."""
    if _done.is_set():
        return
    with _lock:
        if _done.is_set():
            return
        for name in modules():
            importlib.import_module(name)
        from dialogs import engine
        engine.load_course()
        gc.collect()
        gc.freeze()
        _done.set()
