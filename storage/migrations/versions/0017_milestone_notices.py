"""milestone notices: one row per citizen and milestone, so "a milestone is due" is sent once

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 03:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'milestone_notices',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('citizen_id', sa.Integer(), nullable=False),
        sa.Column('milestone', sa.String(length=10), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'],
                                name=op.f('fk_milestone_notices_citizen_id_citizens'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_milestone_notices')),
    )
    op.create_index('uq_milestone_notices_citizen_milestone', 'milestone_notices', ['citizen_id', 'milestone'],
                    unique=True)


def downgrade() -> None:
    op.drop_index('uq_milestone_notices_citizen_milestone', table_name='milestone_notices')
    op.drop_table('milestone_notices')
