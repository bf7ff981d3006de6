"""The project's LIX gives the numbers a person gets by counting by hand."""
import pytest

from dialogs.lix import LixCounts, counts, lix, lix_total


def test_short_words_in_two_sentences():
    # 7 words, 2 sentences, no word over six letters: 7/2 + 0 = 3.5
    assert counts("Jeg har en cykel. Den er rød.") == LixCounts(7, 2, 0)
    assert lix("Jeg har en cykel. Den er rød.") == 3.5


def test_danish_long_words_are_counted():
    # 3 words, 1 sentence, "Støttepersonen" and "hjælper" have 7+ letters: 3/1 + 100*2/3
    assert lix("Støttepersonen hjælper dig.") == pytest.approx(3 + 200 / 3)


def test_a_text_without_an_end_mark_is_one_sentence_and_placeholders_are_short_words():
    # "Dit mål: X" -> 3 words, 1 sentence, no long words
    assert lix("Dit mål: {goal}") == 3.0


def test_no_words_gives_zero():
    assert lix("") == 0.0
    assert lix("112 !") == 0.0


def test_several_texts_are_counted_as_one():
    # 3 + 7 = 10 words, 1 + 2 sentences, 2 long words: 10/3 + 100*2/10
    assert lix_total(["Støttepersonen hjælper dig.", "Jeg har en cykel. Den er rød."]) == pytest.approx(10 / 3 + 20)
