"""workshops: guided group sessions (Kapitalværksted) and who joined them

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 16:30:52.822318
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('workshops',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('facilitator_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('join_code', sa.String(length=12), nullable=False),
    sa.Column('current_module_id', sa.String(length=80), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['facilitator_id'], ['staff_users.id'], name=op.f('fk_workshops_facilitator_id_staff_users')),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_workshops_programme_id_programmes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshops')),
    sa.UniqueConstraint('join_code', name=op.f('uq_workshops_join_code'))
    )
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workshops_facilitator_id'), ['facilitator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_workshops_programme_id'), ['programme_id'], unique=False)

    op.create_table('workshop_participants',
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_workshop_participants_citizen_id_citizens'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshops.id'], name=op.f('fk_workshop_participants_workshop_id_workshops'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('workshop_id', 'citizen_id', name=op.f('pk_workshop_participants'))
    )
    with op.batch_alter_table('workshop_participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workshop_participants_citizen_id'), ['citizen_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('workshop_participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workshop_participants_citizen_id'))

    op.drop_table('workshop_participants')
    with op.batch_alter_table('workshops', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workshops_programme_id'))
        batch_op.drop_index(batch_op.f('ix_workshops_facilitator_id'))

    op.drop_table('workshops')
