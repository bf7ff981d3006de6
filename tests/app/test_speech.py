"""The server's read-aloud fallback: espeak-ng speaks Danish and Arabic to WAV audio, made once per text."""
from __future__ import annotations

import io
import wave

import pytest

from citizen_app import speech

def seconds(audio: bytes) -> float:
    with wave.open(io.BytesIO(audio)) as wav:
        return wav.getnframes() / wav.getframerate()


@pytest.mark.parametrize("language, sentence", [
    ("da", "Hvad betyder mest for dig? Vælg gerne flere."),
    ("ar", "ما هو الأهم بالنسبة لك؟"),
    ("en", "What matters most to you?"),
])
def test_a_sentence_becomes_wav_audio(tmp_path, language, sentence):
    audio = speech.spoken_wav(sentence, language, tmp_path)
    assert audio[:4] == b"RIFF" and audio[8:12] == b"WAVE"
    assert seconds(audio) > 1  # spoken words, not an empty file


def test_audio_is_made_once_and_then_read_from_the_cache(tmp_path, monkeypatch):
    first = speech.spoken_wav("Du har 500 kr. tilbage.", "da", tmp_path)
    [cached] = list((tmp_path / "da").glob("*.wav"))
    assert cached.read_bytes() == first

    def no_second_run(*args, **kwargs):
        raise AssertionError("espeak-ng ran again for a cached text")
    monkeypatch.setattr(speech, "_speak", no_second_run)
    assert speech.spoken_wav("Du har 500 kr. tilbage.", "da", tmp_path) == first


def test_a_persons_own_words_are_never_written_to_the_cache(tmp_path):
    audio = speech.spoken_wav("Dit mål: Komme i bad hver dag", "da", tmp_path, keep=False)
    assert audio[:4] == b"RIFF"
    assert not any(tmp_path.rglob("*"))


def test_text_reaches_espeak_as_data_never_through_a_shell(tmp_path):
    hostile = '"; touch pwned; echo "$(id)` && rm -rf ~ -- -w /etc/passwd'
    audio = speech.spoken_wav(hostile, "da", tmp_path)
    assert audio[:4] == b"RIFF"
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("text, language", [("   ", "da"), ("Hej", "xx")])
def test_no_audio_without_words_or_a_voice(tmp_path, text, language):
    assert speech.spoken_wav(text, language, tmp_path) is None
