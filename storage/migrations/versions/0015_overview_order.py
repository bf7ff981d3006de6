"""the overview's order from one index: each citizen's oldest waiting plan kept on the citizen row

A page of the coordinator's overview sorted by 'har det svært', open plans, the plan waiting longest and
newest. With the waiting plan only in `submissions`, PostgreSQL read every waiting plan and every citizen
of the programme and sorted them for each page (1.5 s at 100 000 citizens); with a copy on the citizen
row (kept by storage/waiting.py) one index gives the rows in that order.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 03:30:00
"""
from alembic import op
import sqlalchemy as sa

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

ORDER_INDEX = "ix_citizens_overview_order"


def upgrade() -> None:
    op.add_column('citizens', sa.Column('waiting_since', sa.DateTime(timezone=True), nullable=True))
    op.add_column('citizens', sa.Column('waiting_version', sa.Integer(), nullable=True))
    op.execute("UPDATE citizens SET waiting_version = (SELECT min(s.version) FROM submissions s "
               "WHERE s.citizen_id = citizens.id AND s.status = 'waiting')")
    op.execute("UPDATE citizens SET waiting_since = (SELECT s.submitted_at FROM submissions s "
               "WHERE s.citizen_id = citizens.id AND s.version = citizens.waiting_version) "
               "WHERE waiting_version IS NOT NULL")
    op.create_index(ORDER_INDEX, 'citizens', [
        'programme_id', sa.text("(needs_help_since IS NULL)"), sa.text("(status <> 'active')"),
        sa.text("(waiting_since IS NULL)"), 'waiting_since', sa.text("created_at DESC"), sa.text("id DESC")])


def downgrade() -> None:
    op.drop_index(ORDER_INDEX, table_name='citizens')
    with op.batch_alter_table('citizens') as batch:
        batch.drop_column('waiting_version')
        batch.drop_column('waiting_since')
