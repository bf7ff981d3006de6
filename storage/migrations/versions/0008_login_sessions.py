"""login sessions: a server-side record per logged-in browser (reload, restart and lost replica proof);
staff: identity provider issuer + subject as the single sign-on key, one-time passwords that must be changed

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 17:05:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('login_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('idle_expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('absolute_expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(citizen_id IS NULL) <> (staff_id IS NULL)', name=op.f('ck_login_sessions_one_owner')),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_login_sessions_citizen_id_citizens'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_users.id'], name=op.f('fk_login_sessions_staff_id_staff_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_sessions')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_login_sessions_token_hash'))
    )
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_sessions_citizen_id'), ['citizen_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_sessions_staff_id'), ['staff_id'], unique=False)
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('oidc_issuer', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.drop_constraint('uq_staff_users_oidc_subject', type_='unique')
        batch_op.create_unique_constraint('uq_staff_users_oidc_identity', ['oidc_issuer', 'oidc_subject'])
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.alter_column('must_change_password', server_default=None)


def downgrade() -> None:
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.drop_constraint('uq_staff_users_oidc_identity', type_='unique')
        batch_op.create_unique_constraint('uq_staff_users_oidc_subject', ['oidc_subject'])
        batch_op.drop_column('must_change_password')
        batch_op.drop_column('oidc_issuer')
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_sessions_staff_id'))
        batch_op.drop_index(batch_op.f('ix_login_sessions_citizen_id'))

    op.drop_table('login_sessions')
