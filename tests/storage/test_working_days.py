"""Danish working days for the answer promise: public holidays (from the `holidays` package) and the days
municipal offices close are not working days."""
from datetime import date

import pytest

from storage.dates import add_working_days, is_working_day, working_days_between


@pytest.mark.parametrize(("day", "working"), [
    (date(2026, 4, 2), False),   # skærtorsdag
    (date(2026, 4, 6), False),   # 2. påskedag
    (date(2026, 5, 14), False),  # Kristi himmelfartsdag
    (date(2023, 5, 5), False),   # store bededag, before it was abolished
    (date(2024, 4, 26), True),   # store bededag's date in 2024: a working day now
    (date(2026, 6, 5), False),   # grundlovsdag
    (date(2026, 12, 24), False),
    (date(2026, 12, 31), False),
    (date(2026, 5, 1), True),    # 1. maj: offices are open
    (date(2026, 12, 2), True),
    (date(2026, 12, 5), False),  # a Saturday
])
def test_working_days_know_danish_holidays(day, working):
    assert is_working_day(day) is working


def test_promise_counts_past_easter():
    # Sent Wednesday before Easter 2026: Thu, Fri, Mon are holidays, so 2 working days end on Wed 8 April.
    assert add_working_days(date(2026, 4, 1), 2) == date(2026, 4, 8)
    assert working_days_between(date(2026, 4, 1), date(2026, 4, 8)) == 2
