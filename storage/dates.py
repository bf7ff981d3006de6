"""Calendar helpers: month arithmetic and Danish working days."""
from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

LOCAL_TIMEZONE = ZoneInfo("Europe/Copenhagen")


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def easter_sunday(year: int) -> date:
    """Anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day_ = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day_ + 1)


def danish_holidays(year: int) -> set[date]:
    """Public holidays when municipal offices close (store bededag was abolished from 2024)."""
    easter = easter_sunday(year)
    days = {date(year, 1, 1), date(year, 12, 24), date(year, 12, 25), date(year, 12, 26), date(year, 12, 31),
            date(year, 6, 5)}
    for offset in (-3, -2, 0, 1, 39, 49, 50):
        days.add(easter + timedelta(days=offset))
    if year < 2024:
        days.add(easter + timedelta(days=26))
    return days


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
