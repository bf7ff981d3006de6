"""Read-aloud audio made on the server, for browsers without a voice for the page's language.

Most phones speak Danish (and often Arabic) through the browser's own speech synthesis; the read-aloud
button uses that first (citizen_app/read_aloud.py). Where the browser has no voice, it asks the server,
and Debian's espeak-ng speaks the text to a WAV file, offline.

Why a cache on disk (BORGERBUDGET_SPEECH_CACHE_DIR), not a table: the guide's sentences are the same for
every citizen, so a file per (language, text) is made once and then read by every replica's worker
without touching the database, and the cache can be deleted at any time (it is rebuilt on demand).
Text that holds a person's own words (a goal, a support person's reason) is never written to disk: it
would outlive the erasure of their data. The caller passes ``keep=False`` for such text, and the page
keeps that audio only in the person's session.

The text never passes through a shell: espeak-ng is started with an argument list and reads the text
from standard input.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

log = logging.getLogger("borgerbudget")

ESPEAK = "espeak-ng"
VOICES = {"da": "da", "en": "en", "ar": "ar"}  # session language -> espeak-ng voice
MAX_CHARS = 3000        # a guide message is a few sentences; longer text is cut, never refused
TIMEOUT_SECONDS = 30


def available() -> bool:
    """Whether the server can speak at all (espeak-ng is installed)."""
    return shutil.which(ESPEAK) is not None


def cache_path(cache_dir: Path, text: str, language: str) -> Path:
    digest = hashlib.sha256(f"{language}\0{text}".encode()).hexdigest()
    return cache_dir / language / f"{digest}.wav"


def _speak(text: str, voice: str) -> bytes:
    """espeak-ng's WAV for the text: an argument list, the text (UTF-8) on stdin. It writes to a file, not
    stdout, because only then does the WAV header carry the real length (browsers show the duration)."""
    with tempfile.TemporaryDirectory(prefix="borgerbudget-speech-") as work:
        out = Path(work) / "speech.wav"
        subprocess.run([ESPEAK, "-v", voice, "-b", "1", "--stdin", "-w", str(out)], input=text.encode("utf-8"),
                       capture_output=True, timeout=TIMEOUT_SECONDS, check=True)
        return out.read_bytes()


def spoken_wav(text: str, language: str, cache_dir: Path | None, *, keep: bool = True) -> bytes | None:
    """WAV audio of ``text`` in ``language``; None when there is nothing to say or no voice to say it.

    With ``keep`` and a ``cache_dir``, the audio is made once and read from the cache after that.
    """
    text = " ".join(text.split())[:MAX_CHARS]
    voice = VOICES.get(language)
    if not text or voice is None or not available():
        return None
    path = cache_path(cache_dir, text, language) if keep and cache_dir is not None else None
    if path is not None and path.is_file():
        return path.read_bytes()
    try:
        audio = _speak(text, voice)
    except (OSError, subprocess.SubprocessError):
        log.exception("espeak-ng could not read a %s text aloud", language)  # never the text itself
        return None
    if path is not None:
        _store(path, audio)
    return audio


def _store(path: Path, audio: bytes) -> None:
    """Write atomically (another worker may read the same file at once); a cache that cannot be written only
    means the audio is made again next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".part") as part:
            part.write(audio)
        os.replace(part.name, path)
    except OSError:
        log.warning("The read-aloud cache %s cannot be written", path.parent)
