"""the months after the plan: per-goal ratings by the citizen and the support person at each milestone, and
WHO-5 answered by the citizen

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 03:05:00
"""
from alembic import op
import sqlalchemy as sa



revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

_CITIZEN = "'reached', 'close', 'on_the_way', 'not_yet', 'dropped'"
_SUPPORT = "'very_high', 'high', 'some', 'low', 'not_at_all', 'dropped'"


def upgrade() -> None:
    op.create_table(
        'goal_ratings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('citizen_id', sa.Integer(), nullable=False),
        sa.Column('goal_id', sa.Integer(), nullable=False),
        sa.Column('milestone', sa.String(length=10), nullable=False),
        sa.Column('rater', sa.String(length=10), nullable=False),
        sa.Column('rated_by_staff_id', sa.Integer(), nullable=True),
        sa.Column('rating', sa.String(length=12), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("rater IN ('citizen', 'support')", name=op.f('ck_goal_ratings_rater_known')),
        sa.CheckConstraint("(rater = 'support') = (rated_by_staff_id IS NOT NULL)",
                           name=op.f('ck_goal_ratings_support_rater_named')),
        sa.CheckConstraint(f"(rater = 'citizen' AND rating IN ({_CITIZEN})) OR "
                           f"(rater = 'support' AND rating IN ({_SUPPORT}))",
                           name=op.f('ck_goal_ratings_rating_on_raters_scale')),
        sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_goal_ratings_citizen_id_citizens'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_goal_ratings_goal_id_goals'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['rated_by_staff_id'], ['staff_users.id'],
                                name=op.f('fk_goal_ratings_rated_by_staff_id_staff_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_goal_ratings')),
    )
    op.create_index('ix_goal_ratings_citizen_milestone', 'goal_ratings',
                    ['citizen_id', 'milestone', 'rater', 'goal_id', 'created_at'])
    op.create_index(op.f('ix_goal_ratings_goal_id'), 'goal_ratings', ['goal_id'])
    op.create_index(op.f('ix_goal_ratings_rated_by_staff_id'), 'goal_ratings', ['rated_by_staff_id'])

    op.create_table(
        'who5_responses',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('citizen_id', sa.Integer(), nullable=False),
        sa.Column('milestone', sa.String(length=10), nullable=False),
        *[sa.Column(f'item{i}', sa.Integer(), nullable=True) for i in range(1, 6)],
        sa.Column('skipped', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("skipped OR (item1 IS NOT NULL AND item2 IS NOT NULL AND item3 IS NOT NULL "
                           "AND item4 IS NOT NULL AND item5 IS NOT NULL)",
                           name=op.f('ck_who5_responses_all_items_or_skipped')),
        sa.CheckConstraint(" AND ".join(f"(item{i} IS NULL OR item{i} BETWEEN 0 AND 5)" for i in range(1, 6)),
                           name=op.f('ck_who5_responses_items_in_range')),
        sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_who5_responses_citizen_id_citizens'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_who5_responses')),
    )
    op.create_index('ix_who5_responses_citizen_milestone', 'who5_responses',
                    ['citizen_id', 'milestone', 'created_at'])


def downgrade() -> None:
    op.drop_index('ix_who5_responses_citizen_milestone', table_name='who5_responses')
    op.drop_table('who5_responses')
    op.drop_index(op.f('ix_goal_ratings_rated_by_staff_id'), table_name='goal_ratings')
    op.drop_index(op.f('ix_goal_ratings_goal_id'), table_name='goal_ratings')
    op.drop_index('ix_goal_ratings_citizen_milestone', table_name='goal_ratings')
    op.drop_table('goal_ratings')
