"""messages: one thread per citizen between the citizen and their support person (issue 16, "Messages"),
where the course's questions to the support person land too (issue 12)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 22:45:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('author_kind', sa.String(length=10), nullable=False),
    sa.Column('author_staff_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('about_goal_id', sa.Integer(), nullable=True),
    sa.Column('about_wish_id', sa.Integer(), nullable=True),
    sa.Column('from_course_step', sa.String(length=80), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('edited_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('read_by_citizen_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('read_by_staff_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_by', sa.String(length=10), nullable=True),
    sa.CheckConstraint("author_kind IN ('citizen', 'staff')", name=op.f('ck_messages_author_kind_known')),
    sa.CheckConstraint("(author_kind = 'staff') = (author_staff_id IS NOT NULL)",
                       name=op.f('ck_messages_staff_author_named')),
    sa.CheckConstraint("deleted_by IS NULL OR deleted_by IN ('citizen', 'staff')",
                       name=op.f('ck_messages_deleted_by_known')),
    sa.CheckConstraint('(deleted_at IS NULL) = (deleted_by IS NULL)', name=op.f('ck_messages_deletion_recorded')),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_messages_citizen_id_citizens'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_staff_id'], ['staff_users.id'],
                            name=op.f('fk_messages_author_staff_id_staff_users')),
    sa.ForeignKeyConstraint(['about_goal_id'], ['goals.id'], name=op.f('fk_messages_about_goal_id_goals'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['about_wish_id'], ['wish_items.id'], name=op.f('fk_messages_about_wish_id_wish_items'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_messages'))
    )
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.create_index('ix_messages_citizen_created', ['citizen_id', 'created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_messages_author_staff_id'), ['author_staff_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_messages_about_goal_id'), ['about_goal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_messages_about_wish_id'), ['about_wish_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_messages_about_wish_id'))
        batch_op.drop_index(batch_op.f('ix_messages_about_goal_id'))
        batch_op.drop_index(batch_op.f('ix_messages_author_staff_id'))
        batch_op.drop_index('ix_messages_citizen_created')
    op.drop_table('messages')
