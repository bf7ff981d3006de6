"""Amounts in Danish text become whole øre; wishes become a title and a rough price."""
import pytest
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from dialogs import amounts as extract
from dialogs import limits
from dialogs.amounts import AmountError, find_amount, parse_amount
from dialogs.extract import WishDraft, extract_wish


@pytest.mark.parametrize(("text", "ore"), [
    ("3.000 kr.", 300000),
    ("3000,-", 300000),
    ("2.500,50", 250050),
    ("ca. 4000", 400000),
    ("omkring 4.000 kroner", 400000),
    ("tre tusind kroner", 300000),
    ("3000 DKK", 300000),
    ("kr. 3.000", 300000),
    ("3000kr", 300000),
    ("3 tusind", 300000),
    ("femten hundrede kr.", 150000),
    ("cirka 12.500 kr", 1250000),
    ("1,5 mio. kr.", 150000000),
    ("3.000 kr. (3000)", 300000),
])
def test_danish_amounts_are_read(text, ore):
    assert parse_amount(text) == ore


@pytest.mark.parametrize(("text", "msgid", "params"), [
    ("", extract.MSG_EMPTY, {}),
    ("en cykel", extract.MSG_NOT_A_NUMBER, {}),
    ("-500", extract.MSG_NEGATIVE, {}),
    ("minus 300 kr.", extract.MSG_NEGATIVE, {}),
    ("0 kr.", extract.MSG_ZERO, {}),
    ("20.000.000 kr.", extract.MSG_TOO_LARGE, {}),
    ("2000 eller 3000", extract.MSG_AMBIGUOUS, {"first": "2000", "second": "3000"}),
    ("2.000-3.000 kr.", extract.MSG_AMBIGUOUS, {"first": "2.000", "second": "3.000"}),
    ("3.00", extract.MSG_UNCLEAR, {"text": "3.00"}),
    ("3,500", extract.MSG_UNCLEAR, {"text": "3,500"}),
    ("2,555 kr.", extract.MSG_UNCLEAR, {"text": "2,555"}),
])
def test_unreadable_amounts_say_why(text, msgid, params):
    with pytest.raises(AmountError) as caught:
        parse_amount(text)
    assert (caught.value.message, caught.value.params) == (msgid, params)


@given(kroner=st.integers(1, limits.AMOUNT_KR), suffix=st.sampled_from(["", " kr.", " kr", ",-", " kroner"]))
def test_any_amount_formatted_by_babel_reads_back_exactly(kroner, suffix):
    assert parse_amount(format_decimal(kroner, locale="da_DK") + suffix) == kroner * 100


@given(st.text(max_size=80))
def test_garbage_only_ever_raises_amount_error(text):
    try:
        ore = parse_amount(text)
    except AmountError as exc:
        assert exc.message
    else:
        assert 0 < ore <= limits.AMOUNT_KR * 100


@given(st.text(max_size=80))
def test_finding_amounts_and_wishes_never_raises(text):
    find_amount(text)
    extract_wish(text)


@pytest.mark.parametrize(("text", "ore"), [
    ("en brugt cykel til ca. 2.000 kr.", 200000),
    ("2 billetter til 300 kr.", 30000),
    ("psykolog 10 gange til 700 kr", 70000),
    ("den koster omkring otte tusind kroner", 800000),
    ("en billet til 2 personer", None),
    ("en cykel til 2000 kr eller 3000 kr", None),
    ("ingen pris", None),
])
def test_find_amount_picks_the_price_in_a_sentence(text, ore):
    assert find_amount(text) == ore


@pytest.mark.parametrize(("text", "wish"), [
    ("en brugt cykel til ca. 2.000 kr.", WishDraft("En brugt cykel", 200000)),
    ("En ny telefon, ca. 3000 kr", WishDraft("En ny telefon", 300000)),
    ("jeg vil gerne have en computer til studiet, den koster omkring otte tusind kroner",
     WishDraft("En computer til studiet", 800000)),
    ("2000 kr til en cykel", WishDraft("En cykel", 200000)),
    ("kr. 1.500 for en vinterjakke", WishDraft("En vinterjakke", 150000)),
    ("Nye tænder: tyve tusind kroner", WishDraft("Nye tænder", 2000000)),
    ("En sofa - 2.500,50 kr.", WishDraft("En sofa", 250050)),
    ("et kørekort", WishDraft("Et kørekort", None)),
    ("en billet til 2 personer", WishDraft("En billet til 2 personer", None)),
])
def test_wish_gets_a_clean_title_and_a_price(text, wish):
    assert extract_wish(text) == wish


@pytest.mark.parametrize("text", ["", "   ", "2000 kr.", "til ca. 500 kr."])
def test_wish_without_a_title_is_none(text):
    assert extract_wish(text) is None
