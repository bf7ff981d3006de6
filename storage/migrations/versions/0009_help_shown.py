"""help shown: each time the app showed a citizen where to get help (a crisis signal or the button),
with the citizen's words only if they chose to share them

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 23:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('help_shown',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('place', sa.String(length=30), nullable=True),
    sa.Column('shared_words', sa.Text(), nullable=True),
    sa.CheckConstraint("source IN ('signal', 'button')", name=op.f('ck_help_shown_source_known')),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_help_shown_citizen_id_citizens'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_help_shown'))
    )
    with op.batch_alter_table('help_shown', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_help_shown_citizen_id'), ['citizen_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('help_shown', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_help_shown_citizen_id'))
    op.drop_table('help_shown')
