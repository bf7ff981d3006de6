"""the programme report's figures per citizen, kept on the citizen row

Where each citizen's own ratings stand, how many goals their support person rated and called attained, WHO-5
at start and end, money planned but not answered and money paid: counted at read time these were windows and
joins over every rating, answer, wish and ledger row of the programme (1.6 s of the report at 100 000
citizens); copied onto `citizens` (kept by storage/models/figures_copy.py) the report reads one table.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03 10:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

COUNTS = ('support_goals_rated', 'support_goals_attained')
AMOUNTS = ('pending_ore', 'paid_ore')
SCORES = ('own_rating_best', 'who5_start', 'who5_end')


def upgrade() -> None:
    # Plain ALTER TABLE on both engines: a batch (copy-and-move) on SQLite would lose the overview's
    # expression index (ix_citizens_overview_order), which SQLAlchemy cannot reflect.
    for name in COUNTS:
        op.add_column('citizens', sa.Column(name, sa.Integer(), server_default='0', nullable=False))
    for name in AMOUNTS:
        op.add_column('citizens', sa.Column(name, sa.BigInteger(), server_default='0', nullable=False))
    for name in SCORES:
        op.add_column('citizens', sa.Column(name, sa.Integer(), nullable=True))
    # The copies of the rows there already are, counted by the same definitions the app keeps them by.
    from storage.models.figures_copy import recount
    recount(op.get_bind())


def downgrade() -> None:
    for name in (*COUNTS, *AMOUNTS, *SCORES):  # SQLite 3.35 and later drop a plain column in place
        op.drop_column('citizens', name)
