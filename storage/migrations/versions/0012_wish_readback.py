"""wish read-back: a wish read from free text waits on the citizen's course progress until it is confirmed

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 23:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('course_progress', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pending_wish', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('course_progress', schema=None) as batch_op:
        batch_op.drop_column('pending_wish')
