"""The server starts without the heavy libraries it may never need, and freezes what it loaded.

langchain-core (a language model is optional and off by default) and fpdf2 (only when a citizen
downloads the plan as PDF) would each add hundreds of modules and tens of thousands of objects that
every garbage collection after a script run would walk.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("langchain_core", "fpdf", "fontTools", "PIL", "numpy", "alembic")

PROBE = """
import gc, json, sys
from citizen_app import warm
warm.once()
heavy = sorted({m.split('.')[0] for m in sys.modules} & set(sys.argv[1:]))
print(json.dumps({"heavy": heavy, "frozen": gc.get_freeze_count()}))
"""


def _start() -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, *HEAVY], cwd=ROOT, capture_output=True,
                          text=True, check=True, env={"PATH": "/usr/bin:/bin", "BORGERBUDGET_FAST_HASHES": "1"})
    return json.loads(done.stdout.strip().splitlines()[0])


def test_the_server_loads_every_page_module_but_no_language_model_or_pdf_library():
    started = _start()
    assert started["heavy"] == []
    assert started["frozen"] > 50_000  # Streamlit, SQLAlchemy, Babel and our modules, out of the collector's way


def test_making_a_pdf_loads_the_pdf_library_then():
    made = subprocess.run([sys.executable, "-c", "import sys; from citizen_app.printable import _document_class; "
                           "print('fpdf' in sys.modules); _document_class(); print('fpdf' in sys.modules)"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert made.stdout.split() == ["False", "True"]
