"""The coordinator's report in a real browser on a phone: both of Socialstyrelsen's shares, the charts with
their sentences and tables, and 0 axe violations at 390x844."""
from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.helpers import (
    assert_accessible,
    create_citizen_in_db,
    expect_heading,
    go_to,
    login_staff,
    main_text,
    open_app,
)


def _ratings_for_everyone(database_url: str) -> int:
    """Each citizen of Karin's programme rates a long-term goal 'close' at m3 and their support person rates it
    'high'; each answers WHO-5 at start and end (as the citizen and support pages would store them). Citizens
    without a goal get one. Returns how many citizens there are."""
    from datetime import date

    from sqlalchemy import select

    from storage.db import engine_for, write_session
    from storage.models import Citizen, Goal, GoalRating, StaffUser, Who5Response

    with write_session(engine_for(database_url)) as s:
        karin = s.scalar(select(StaffUser).where(StaffUser.username == "karin"))
        people = s.scalars(select(Citizen).where(Citizen.programme_id == karin.programme_id)).all()
        for citizen in people:
            goal = s.scalar(select(Goal).where(Goal.citizen_id == citizen.id, Goal.parent_id.is_(None),
                                               Goal.removed_at.is_(None)).limit(1))
            if goal is None:
                goal = Goal(citizen_id=citizen.id, text="Et arbejde", category="education_job")
                s.add(goal)
                s.flush()
            s.add_all([
                GoalRating(citizen_id=citizen.id, goal_id=goal.id, milestone="m3", rater="citizen", rating="close"),
                GoalRating(citizen_id=citizen.id, goal_id=goal.id, milestone="m3", rater="support", rating="high",
                           rated_by_staff_id=citizen.support_person_id),
                Who5Response(citizen_id=citizen.id, milestone="start", item1=2, item2=2, item3=2, item4=2, item5=2),
                Who5Response(citizen_id=citizen.id, milestone="end", item1=3, item2=3, item3=4, item4=3, item5=3),
            ])
        assert date.today()  # the period need not have ended for the figures
        return len(people)


def test_coordinator_report_shows_both_shares_and_the_charts_on_a_phone(phone, app, database_url, artifacts):
    create_citizen_in_db(database_url, "Rapportborger")     # at least three citizens in the programme
    citizens = _ratings_for_everyone(database_url)
    assert citizens >= 3
    open_app(phone, app.url)
    login_staff(phone, "karin")
    go_to(phone, "Rapport")
    expect_heading(phone, "Rapport")
    expect(phone.get_by_text("Søjlediagram med to søjler.", exact=False)).to_be_visible()
    charts = phone.locator('[data-testid="stVegaLiteChart"]')
    expect(charts.first).to_be_visible()
    assert charts.count() >= 3                              # the shares, WHO-5, goal topics (and money)
    text = main_text(phone)
    assert "af borgerne siger selv, at de har nået et mål eller er tæt på." in text
    assert "af målene er nået i meget høj eller høj grad, siger støttepersonerne." in text
    assert "100\xa0%" in text or "100 %" in text           # everyone said 'close' / 'high' in the newest rating
    assert "Rapportborger" not in text and "Mette" not in text
    assert_accessible(phone, "coordinator-report", artifacts)
