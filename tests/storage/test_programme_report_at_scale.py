"""PostgreSQL with 10 000 citizens: the report's SQL gives the same figures as a plain Python count over the
same rows, and sends as many statements as for 100 citizens (the issue's 'done when')."""
from __future__ import annotations

from datetime import date

import pytest

from storage.programme_report import Intake
from tests.conftest import _truncate_postgres
from tests.storage.programme_generator import generate_programme
from tests.storage.report_reference import load_rows, reference
from tests.storage.test_programme_report import TODAY, _statements, assert_matches, coordinator, figures


@pytest.fixture
def postgres(postgres_engine):
    _truncate_postgres(postgres_engine)
    yield postgres_engine
    _truncate_postgres(postgres_engine)


def test_ten_thousand_citizens_match_the_python_count_in_as_many_statements_as_a_hundred(postgres):
    small = generate_programme(postgres, 100, seed=11)
    large = generate_programme(postgres, 10_000, seed=12)
    actor = coordinator(large)
    rows = load_rows(postgres, large.programme_id)
    assert_matches(figures(postgres, actor), reference(postgres, large.programme_id, None, TODAY, rows))
    intake = Intake(date(2025, 2, 1), date(2025, 7, 31))
    assert_matches(figures(postgres, actor, intake),
                   reference(postgres, large.programme_id, (intake.start_from, intake.start_to), TODAY, rows))
    for_100, for_10_000 = _statements(postgres, coordinator(small)), _statements(postgres, actor)
    print(f"\nprogramme report statements on postgresql: 100 citizens={for_100}, 10 000={for_10_000}")
    assert for_100 == for_10_000
