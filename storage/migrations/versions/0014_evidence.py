"""the evidence for the committee: status at start and end (status_records), consents for special-category
data (consents), and unit prices for the savings estimate (unit_prices)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 03:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'status_records',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('citizen_id', sa.Integer(), nullable=False),
        sa.Column('moment', sa.String(length=10), nullable=False),
        sa.Column('milestone', sa.String(length=10), nullable=True),
        sa.Column('housing', sa.String(length=30), nullable=True),
        sa.Column('occupation', sa.String(length=30), nullable=True),
        sa.Column('support', sa.String(length=300), nullable=True),
        sa.Column('support_hours', sa.Integer(), nullable=True),
        sa.Column('substance', sa.String(length=30), nullable=True),
        sa.Column('support_need', sa.String(length=30), nullable=True),
        sa.Column('recorded_by_staff_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("moment IN ('start', 'milestone', 'end')", name=op.f('ck_status_records_moment_known')),
        sa.CheckConstraint("support_need IS NULL OR moment = 'end'", name=op.f('ck_status_records_need_only_at_end')),
        sa.CheckConstraint("support_hours IS NULL OR support_hours BETWEEN 0 AND 168",
                           name=op.f('ck_status_records_hours_sane')),
        sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_status_records_citizen_id_citizens'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['recorded_by_staff_id'], ['staff_users.id'],
                                name=op.f('fk_status_records_recorded_by_staff_id_staff_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_status_records')),
    )
    op.create_index('ix_status_records_citizen_moment', 'status_records', ['citizen_id', 'moment', 'created_at'])
    op.create_index(op.f('ix_status_records_recorded_by_staff_id'), 'status_records', ['recorded_by_staff_id'])

    op.create_table(
        'consents',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('citizen_id', sa.Integer(), nullable=False),
        sa.Column('purpose', sa.String(length=30), nullable=False),
        sa.Column('text_shown', sa.Text(), nullable=False),
        sa.Column('language', sa.String(length=5), nullable=False),
        sa.Column('given_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('recorded_by_staff_id', sa.Integer(), nullable=True),
        sa.CheckConstraint("withdrawn_at IS NULL OR withdrawn_at >= given_at",
                           name=op.f('ck_consents_withdrawn_after_given')),
        sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_consents_citizen_id_citizens'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['recorded_by_staff_id'], ['staff_users.id'],
                                name=op.f('fk_consents_recorded_by_staff_id_staff_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_consents')),
    )
    op.create_index('ix_consents_citizen_purpose', 'consents', ['citizen_id', 'purpose', 'given_at'])
    op.create_index(op.f('ix_consents_recorded_by_staff_id'), 'consents', ['recorded_by_staff_id'])

    op.create_table(
        'unit_prices',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('programme_id', sa.Integer(), nullable=False),
        sa.Column('activity', sa.String(length=30), nullable=False),
        sa.Column('unit', sa.String(length=30), nullable=False),
        sa.Column('price_ore', sa.Integer(), nullable=False),
        sa.Column('payer', sa.String(length=15), nullable=False),
        sa.Column('source', sa.Text(), nullable=False),
        sa.Column('entered_by_staff_id', sa.Integer(), nullable=False),
        sa.Column('entered_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("price_ore > 0", name=op.f('ck_unit_prices_price_positive')),
        sa.CheckConstraint("payer IN ('municipality', 'region', 'state')", name=op.f('ck_unit_prices_payer_known')),
        sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_unit_prices_programme_id_programmes')),
        sa.ForeignKeyConstraint(['entered_by_staff_id'], ['staff_users.id'],
                                name=op.f('fk_unit_prices_entered_by_staff_id_staff_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_prices')),
    )
    op.create_index(op.f('ix_unit_prices_programme_id'), 'unit_prices', ['programme_id'])
    op.create_index(op.f('ix_unit_prices_entered_by_staff_id'), 'unit_prices', ['entered_by_staff_id'])


def downgrade() -> None:
    op.drop_index(op.f('ix_unit_prices_entered_by_staff_id'), table_name='unit_prices')
    op.drop_index(op.f('ix_unit_prices_programme_id'), table_name='unit_prices')
    op.drop_table('unit_prices')
    op.drop_index(op.f('ix_consents_recorded_by_staff_id'), table_name='consents')
    op.drop_index('ix_consents_citizen_purpose', table_name='consents')
    op.drop_table('consents')
    op.drop_index(op.f('ix_status_records_recorded_by_staff_id'), table_name='status_records')
    op.drop_index('ix_status_records_citizen_moment', table_name='status_records')
    op.drop_table('status_records')
