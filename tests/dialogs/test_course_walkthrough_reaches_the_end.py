"""Walk the real course down every route (with and without the optional branches) to the end."""
from dialogs.engine import SKIPPED, load_course, next_step_id, routing_path, validate_answer

COURSE = load_course()
TYPED = {
    "text": "Det ved jeg ikke helt.",
    "amount": "2.000 kr.",
    "goal": {"text": "Jeg vil have mit eget sted at bo.", "category": "housing"},
    "subgoal": "Skrive mig op til en bolig",
    "wish": "En brugt cykel til ca. 2.000 kr.",
    "rating": 3,
    "yesno": "nej",
}


def answers_for(step_id: str) -> list[object]:
    """Every answer that can change the route from this step, or one typical answer."""
    step = COURSE.step(step_id)
    if step.kind == "choice" and step.routes:
        return [o.value for o in step.options]
    if step.kind == "yesno":
        return ["ja", "nej"]
    if step.kind == "goal":
        return [TYPED["goal"], SKIPPED]
    if step.kind in ("choice", "choices"):
        return [step.options[0].value]
    return [TYPED[step.kind]]


def all_walks():
    """(steps, answers) of every route through the course."""
    walks, stack = [], [(COURSE.first_step_id, (), {})]
    while stack:
        step_id, path, answers = stack.pop()
        if step_id is None:
            walks.append((path, answers))
            continue
        assert step_id not in path, f"loop at {step_id}"
        for raw in answers_for(step_id):
            value = raw
            if raw is not SKIPPED:
                result = validate_answer(COURSE.step(step_id), raw)
                assert result.ok, (step_id, result)
                value = result.value
            now = {**answers, step_id: value}
            stack.append((next_step_id(COURSE, step_id, now), path + (step_id,), now))
    return walks


WALKS = all_walks()


def test_course_has_nine_modules_and_25_to_40_steps():
    assert len(COURSE.modules) == 9
    assert 25 <= len(COURSE.steps) <= 40


def test_every_step_is_on_some_route_and_every_route_ends():
    visited = {step for path, _ in WALKS for step in path}
    assert visited == set(COURSE.steps)
    assert len(WALKS) > 100


def test_routing_path_agrees_with_the_walk():
    for path, answers in WALKS[:: max(1, len(WALKS) // 200)]:
        assert routing_path(COURSE, answers) == path


def test_shortest_route_is_short_and_longest_stays_under_forty_steps():
    lengths = sorted(len(path) for path, _ in WALKS)
    assert lengths[0] <= 25
    assert lengths[-1] <= 40


def test_modules_come_in_order_on_every_route():
    order = [m.id for m in COURSE.modules]
    for path, _ in WALKS:
        numbers = [order.index(COURSE.step(s).module) for s in path]
        assert numbers == sorted(numbers)


def test_skipping_everything_still_reaches_the_end_without_goal_questions():
    answers = {step_id: SKIPPED for step_id in COURSE.steps}
    path = routing_path(COURSE, answers)
    assert path[-1] == "summary_note"
    assert not {"subgoal_1", "wish_1", "goal_2", "now_housing_more"} & set(path)


def test_each_goal_gets_a_first_step_and_wishes_that_point_back_to_it():
    goals = {"goal_1": TYPED["goal"], "goal_more_1": True, "goal_2": TYPED["goal"], "goal_more_2": True,
             "goal_3": TYPED["goal"]}
    path = routing_path(COURSE, goals)
    for n in (1, 2, 3):
        assert f"subgoal_{n}" in path and f"wish_{n}" in path
        assert COURSE.step(f"subgoal_{n}").parent == f"goal_{n}"
        assert COURSE.step(f"wish_{n}").parent == f"subgoal_{n}"
