"""'Læs op': a button beside a guide message, a decision or the next step that reads it aloud.

The button is a real <button> drawn by a small Streamlit component (components v2: in the page's DOM, no
iframe and no shadow root), so it is in the tab order and a screen reader names it by its words. A tap speaks with the
browser's own voice for the session's language (the phone's voices, via speechSynthesis). A browser with
no voice for that language asks the server instead: the script then plays audio made by espeak-ng
(citizen_app/speech.py), cached per sentence on disk, or, for text with a person's own words, kept only
in this session.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import streamlit as st

from citizen_app import speech
from citizen_app.i18n import _, current_language
from storage.config import load_config

AUDIO_KEY = "read_aloud_audio"  # {button key: WAV bytes} of text kept out of the disk cache, this session only
PLAYING_KEY = "read_aloud_playing"  # the button whose server audio is shown (one at a time)

_CSS = """
.bb-read-aloud {
  display: inline-flex; align-items: center; gap: .35rem; min-height: 2.75rem; padding: .25rem .75rem;
  font: inherit; font-size: .95rem; color: var(--st-text-color); background: var(--st-background-color);
  border: 1px solid var(--st-border-color, #8a8a8a); border-radius: .5rem; cursor: pointer;
}
.bb-read-aloud:hover { border-color: var(--st-primary-color); color: var(--st-primary-color); }
.bb-read-aloud:focus-visible { outline: 3px solid var(--st-primary-color); outline-offset: 2px; }
.bb-read-aloud svg { width: 1.1rem; height: 1.1rem; fill: currentColor; }
"""

# The words and the language come as data, set as text: never parsed as HTML.
_JS = """
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let button = parentElement.querySelector("button.bb-read-aloud");
  if (!button) {
    button = document.createElement("button");
    button.type = "button";
    button.className = "bb-read-aloud";
    button.innerHTML = '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24"><path d="M3 9v6h4l5 5V4L7 '
      + '9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z"/>'
      + '</svg><span></span>';
    parentElement.appendChild(button);
  }
  button.querySelector("span").textContent = data.label;
  button.setAttribute("lang", data.lang);
  button.onclick = () => {
    const synth = window.speechSynthesis;
    const voices = synth ? synth.getVoices() : [];
    const voice = voices.find((v) => (v.lang || "").toLowerCase().replace("_", "-").split("-")[0] === data.lang);
    if (voice) {
      synth.cancel();
      const words = new SpeechSynthesisUtterance(data.text);
      words.lang = voice.lang;
      words.voice = voice;
      synth.speak(words);
    } else {
      setTriggerValue("needs_audio", true);
    }
  };
}
"""

# In the page's own DOM, not a shadow root: keyboard focus and the focus ring then land on the button itself.
_component = st.components.v2.component("borgerbudget_read_aloud", css=_CSS, js=_JS, isolate_styles=False)


def read_aloud(text: str, *, key: str, personal: bool = False) -> None:
    """A 'Læs op' button for ``text`` (already in the session's language). ``key`` must be unique on the page;
    ``personal``: the text holds a person's own words, so its audio is never written to disk."""
    text = " ".join(text.split())
    if not text:
        return
    language = current_language()
    widget_key = f"read_{key}_{hashlib.sha256(text.encode()).hexdigest()[:10]}"
    result = _component(key=widget_key, data={"text": text, "lang": language, "label": _("Læs op")},
                        on_needs_audio_change=lambda: None, width="content")
    if getattr(result, "needs_audio", None):
        st.session_state[PLAYING_KEY] = widget_key
    if st.session_state.get(PLAYING_KEY) == widget_key:  # stays through reruns, so the player can be used again
        _play(text, language, widget_key, personal)


def _play(text: str, language: str, widget_key: str, personal: bool) -> None:
    kept = st.session_state.setdefault(AUDIO_KEY, {})
    audio = kept.get(widget_key) if personal else None
    if audio is None:
        audio = speech.spoken_wav(text, language, Path(load_config().speech_cache_dir), keep=not personal)
    if audio is None:
        st.caption(_("Oplæsning virker ikke her lige nu."))
        return
    if personal:
        kept[widget_key] = audio
    st.audio(audio, format="audio/wav", autoplay=True)
