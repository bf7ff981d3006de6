"""the data's whole life: when a programme and a citizen's period ended, and when the citizen's personal data
was erased (the retention period counts from the end)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 20:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('citizens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('erased_at', sa.DateTime(timezone=True), nullable=True))
    # Citizens who ended before this release: their retention counts from now (never earlier than it should).
    op.execute("UPDATE citizens SET ended_at = CURRENT_TIMESTAMP WHERE status = 'ended'")


def downgrade() -> None:
    with op.batch_alter_table('citizens', schema=None) as batch_op:
        batch_op.drop_column('erased_at')
        batch_op.drop_column('ended_at')
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        batch_op.drop_column('ended_at')
