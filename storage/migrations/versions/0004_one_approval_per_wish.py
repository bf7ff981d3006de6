"""one approval per wish: money only on approved wishes still in the plan and never above their price; what
was asked of finance kept per wish (never above the approval); one unsent decision per sent wish

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

HOLDS_MONEY = "status IN ('approved', 'ordered', 'paid')"
MONEY_FITS_WISH = (f"approved_ore = 0 OR ({HOLDS_MONEY} AND removed_at IS NULL AND price_ore IS NOT NULL "
                   "AND approved_ore <= CAST(price_ore AS BIGINT) * quantity)")


def _refuse_broken_rows(conn) -> None:
    """Wishes that already hold money they cannot carry (issue 13's double approval) need a person's decision;
    say which, instead of failing on the constraint with no hint."""
    broken = conn.execute(sa.text(f"SELECT id FROM wish_items WHERE NOT ({MONEY_FITS_WISH}) ORDER BY id")).scalars().all()
    if broken:
        raise RuntimeError("These wish items hold approved money they cannot carry (approved twice, removed, or "
                           f"more than their price): {list(broken)}. Withdraw the extra approval before migrating.")
    # A wish answered through an old version while its new version waits could never get the new answer.
    answered_early = conn.execute(sa.text(
        "SELECT DISTINCT w.id FROM wish_items w JOIN submission_items si ON si.wish_item_id = w.id "
        "JOIN submissions s ON s.id = si.submission_id WHERE s.status = 'waiting' AND w.status <> 'submitted' "
        "ORDER BY w.id")).scalars().all()
    if answered_early:
        raise RuntimeError(f"These wish items wait for an answer but were already answered through an older "
                           f"version: {list(answered_early)}. Set them back to 'submitted' (withdrawing any "
                           "approval in the ledger) before migrating.")


def upgrade() -> None:
    conn = op.get_bind()
    _refuse_broken_rows(conn)
    with op.batch_alter_table('wish_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('requested_ore', sa.Integer(), server_default='0', nullable=False))
    conn.execute(sa.text(
        "UPDATE wish_items SET requested_ore = COALESCE((SELECT SUM(p.amount_ore) FROM payment_requests p "
        "WHERE p.wish_item_id = wish_items.id AND p.status <> 'rejected'), 0)"))
    with op.batch_alter_table('wish_items', schema=None) as batch_op:
        batch_op.create_check_constraint(op.f('ck_wish_items_money_fits_wish'), MONEY_FITS_WISH)
        batch_op.create_check_constraint(op.f('ck_wish_items_requested_within_approved'),
                                         'requested_ore >= 0 AND requested_ore <= approved_ore')
    with op.batch_alter_table('item_decisions', schema=None) as batch_op:
        batch_op.create_index('uq_item_decisions_one_draft', ['submission_item_id'], unique=True,
                              postgresql_where=sa.text('published_at IS NULL'),
                              sqlite_where=sa.text('published_at IS NULL'))


def downgrade() -> None:
    with op.batch_alter_table('item_decisions', schema=None) as batch_op:
        batch_op.drop_index('uq_item_decisions_one_draft')
    with op.batch_alter_table('wish_items', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_wish_items_requested_within_approved'), type_='check')
        batch_op.drop_constraint(op.f('ck_wish_items_money_fits_wish'), type_='check')
        batch_op.drop_column('requested_ore')
