"""Calendar helpers: month arithmetic and Danish working days."""
from __future__ import annotations

import calendar
import functools
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays

LOCAL_TIMEZONE = ZoneInfo("Europe/Copenhagen")


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# Days municipal offices close besides the public holidays (Grundlovsdag, juleaftensdag, nytårsaftensdag).
CLOSING_DAYS = ((6, 5), (12, 24), (12, 31))


@functools.lru_cache(maxsize=32)
def danish_holidays(year: int) -> frozenset[date]:
    """Days municipal offices close: the public holidays (the `holidays` package knows Easter, store bededag
    until 2023 and the rest) and CLOSING_DAYS."""
    public = holidays.country_holidays("DK", years=year)
    return frozenset(public) | {date(year, month, day) for month, day in CLOSING_DAYS}


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in danish_holidays(day.year)


def add_working_days(day: date, count: int) -> date:
    """The date ``count`` Danish working days after ``day``."""
    current = day
    while count > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            count -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 if end <= start)."""
    count, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count


def promised_answer_date(submitted_at: datetime, answer_working_days: int) -> date:
    """The promised answer date: the programme's number of Danish working days after sending."""
    return add_working_days(submitted_at.astimezone(LOCAL_TIMEZONE).date(), answer_working_days)
