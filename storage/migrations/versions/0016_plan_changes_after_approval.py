"""changing the plan after approval: a wish may replace an approved wish, an approved wish may be asked dropped,
and a sent item says which of the three it is

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 03:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('wish_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('replaces_item_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('drop_state', sa.String(length=10), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_wish_items_replaces_item_id_wish_items'), 'wish_items',
                                    ['replaces_item_id'], ['id'], ondelete='SET NULL')
        batch_op.create_index(batch_op.f('ix_wish_items_replaces_item_id'), ['replaces_item_id'], unique=False)
        batch_op.create_check_constraint(op.f('ck_wish_items_drop_state_known'), "drop_state IS NULL OR drop_state IN ('draft', 'sent')")
    with op.batch_alter_table('submission_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change', sa.String(length=10), server_default='new', nullable=False))
        batch_op.create_check_constraint(op.f('ck_submission_items_change_known'), "change IN ('new', 'change', 'drop')")


def downgrade() -> None:
    with op.batch_alter_table('submission_items', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_submission_items_change_known'), type_='check')
        batch_op.drop_column('change')
    with op.batch_alter_table('wish_items', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_wish_items_drop_state_known'), type_='check')
        batch_op.drop_index(batch_op.f('ix_wish_items_replaces_item_id'))
        batch_op.drop_constraint(batch_op.f('fk_wish_items_replaces_item_id_wish_items'), type_='foreignkey')
        batch_op.drop_column('drop_state')
        batch_op.drop_column('replaces_item_id')
