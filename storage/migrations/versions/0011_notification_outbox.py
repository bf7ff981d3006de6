"""notifications: the outbox (one row per e-mail or SMS, written with the event), staff e-mail addresses,
citizens' mobile number and SMS consent

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 23:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('notification_outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('citizen_id', sa.Integer(), nullable=True),
    sa.Column('about_citizen_id', sa.Integer(), nullable=True),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('not_before', sa.DateTime(timezone=True), nullable=False),
    sa.Column('lease_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('claimed_by', sa.String(length=64), nullable=True),
    sa.Column('last_error', sa.String(length=300), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('pending', 'sending', 'sent', 'failed', 'no_channel')",
                       name=op.f('ck_notification_outbox_status_known')),
    sa.CheckConstraint("channel IN ('email', 'sms')", name=op.f('ck_notification_outbox_channel_known')),
    sa.CheckConstraint('(citizen_id IS NULL) <> (staff_id IS NULL)',
                       name=op.f('ck_notification_outbox_one_recipient')),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_notification_outbox_citizen_id_citizens'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['about_citizen_id'], ['citizens.id'],
                            name=op.f('fk_notification_outbox_about_citizen_id_citizens'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_users.id'],
                            name=op.f('fk_notification_outbox_staff_id_staff_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification_outbox'))
    )
    with op.batch_alter_table('notification_outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notification_outbox_about_citizen_id'), ['about_citizen_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_notification_outbox_citizen_id'), ['citizen_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notification_outbox_staff_id'), ['staff_id'], unique=False)
        batch_op.create_index('ix_notification_outbox_due', ['status', 'not_before'], unique=False)
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email', sa.String(length=254), nullable=True))
    with op.batch_alter_table('citizens', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mobile', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('sms_consent_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('citizens', schema=None) as batch_op:
        batch_op.drop_column('sms_consent_at')
        batch_op.drop_column('mobile')
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.drop_column('email')
    with op.batch_alter_table('notification_outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_notification_outbox_due')
        batch_op.drop_index(batch_op.f('ix_notification_outbox_staff_id'))
        batch_op.drop_index(batch_op.f('ix_notification_outbox_citizen_id'))
        batch_op.drop_index(batch_op.f('ix_notification_outbox_about_citizen_id'))
    op.drop_table('notification_outbox')
