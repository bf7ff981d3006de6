"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 11:44:05.906299
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_type', sa.String(length=10), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_role', sa.String(length=20), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=True),
    sa.Column('object_type', sa.String(length=40), nullable=True),
    sa.Column('object_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.String(length=500), nullable=True),
    sa.CheckConstraint("actor_type IN ('staff', 'citizen', 'system')", name=op.f('ck_audit_events_actor_type_known')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_at'), ['at'], unique=False)
        batch_op.create_index('ix_audit_events_citizen_at', ['citizen_id', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('programmes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('default_budget_ore', sa.Integer(), nullable=False),
    sa.Column('period_months', sa.Integer(), nullable=False),
    sa.Column('answer_working_days', sa.Integer(), nullable=False),
    sa.Column('goal_categories', sa.JSON(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('answer_working_days BETWEEN 1 AND 60', name=op.f('ck_programmes_answer_days_sane')),
    sa.CheckConstraint('default_budget_ore > 0', name=op.f('ck_programmes_budget_positive')),
    sa.CheckConstraint('period_months BETWEEN 1 AND 60', name=op.f('ck_programmes_period_sane')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programmes'))
    )
    op.create_table('staff_users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=True),
    sa.Column('oidc_subject', sa.String(length=255), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("role IN ('support', 'coordinator', 'finance', 'facilitator')", name=op.f('ck_staff_users_role_known')),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_staff_users_programme_id_programmes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_users')),
    sa.UniqueConstraint('oidc_subject', name=op.f('uq_staff_users_oidc_subject')),
    sa.UniqueConstraint('username', name=op.f('uq_staff_users_username'))
    )
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_users_programme_id'), ['programme_id'], unique=False)

    op.create_table('citizens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('support_person_id', sa.Integer(), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('internal_ref', sa.String(length=20), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=True),
    sa.Column('budget_total_ore', sa.Integer(), nullable=False),
    sa.Column('committed_ore', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('needs_help_since', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('active', 'paused', 'ended')", name=op.f('ck_citizens_status_known')),
    sa.CheckConstraint('budget_total_ore > 0', name=op.f('ck_citizens_budget_positive')),
    sa.CheckConstraint('committed_ore >= 0 AND committed_ore <= budget_total_ore', name=op.f('ck_citizens_within_budget')),
    sa.CheckConstraint('end_date > start_date', name=op.f('ck_citizens_period_order')),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_citizens_programme_id_programmes')),
    sa.ForeignKeyConstraint(['support_person_id'], ['staff_users.id'], name=op.f('fk_citizens_support_person_id_staff_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_citizens')),
    sa.UniqueConstraint('internal_ref', name=op.f('uq_citizens_internal_ref'))
    )
    with op.batch_alter_table('citizens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_citizens_programme_id'), ['programme_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citizens_support_person_id'), ['support_person_id'], unique=False)

    op.create_table('chat_turns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('speaker', sa.String(length=10), nullable=False),
    sa.Column('step_id', sa.String(length=80), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("speaker IN ('guide', 'citizen')", name=op.f('ck_chat_turns_speaker_known')),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_chat_turns_citizen_id_citizens'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chat_turns'))
    )
    with op.batch_alter_table('chat_turns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chat_turns_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('check_ins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('phase', sa.String(length=10), nullable=False),
    sa.Column('who5_raw', sa.Integer(), nullable=True),
    sa.Column('citizen_goal_rating', sa.Integer(), nullable=True),
    sa.Column('support_goal_rating', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("phase IN ('start', 'mid', 'end', 'other')", name=op.f('ck_check_ins_phase_known')),
    sa.CheckConstraint('citizen_goal_rating IS NULL OR citizen_goal_rating BETWEEN 1 AND 5', name=op.f('ck_check_ins_citizen_rating')),
    sa.CheckConstraint('support_goal_rating IS NULL OR support_goal_rating BETWEEN 1 AND 5', name=op.f('ck_check_ins_support_rating')),
    sa.CheckConstraint('who5_raw IS NULL OR who5_raw BETWEEN 0 AND 25', name=op.f('ck_check_ins_who5_range')),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_check_ins_citizen_id_citizens'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['staff_users.id'], name=op.f('fk_check_ins_recorded_by_id_staff_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_ins'))
    )
    with op.batch_alter_table('check_ins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_ins_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('citizen_credentials',
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('lookup', sa.String(length=8), nullable=False),
    sa.Column('secret_hash', sa.String(length=255), nullable=False),
    sa.Column('pin_hash', sa.String(length=255), nullable=True),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_citizen_credentials_citizen_id_citizens'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('citizen_id', name=op.f('pk_citizen_credentials')),
    sa.UniqueConstraint('lookup', name=op.f('uq_citizen_credentials_lookup'))
    )
    op.create_table('course_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('step_id', sa.String(length=80), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('skipped', sa.Boolean(), nullable=False),
    sa.Column('shared', sa.Boolean(), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_course_answers_citizen_id_citizens'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_course_answers')),
    sa.UniqueConstraint('citizen_id', 'step_id', name='uq_course_answers_citizen_step')
    )
    with op.batch_alter_table('course_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_course_answers_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('course_progress',
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('current_step_id', sa.String(length=80), nullable=True),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('form_mode', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_course_progress_citizen_id_citizens'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('citizen_id', name=op.f('pk_course_progress'))
    )
    op.create_table('goals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_step_id', sa.String(length=80), nullable=True),
    sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_goals_citizen_id_citizens'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['parent_id'], ['goals.id'], name=op.f('fk_goals_parent_id_goals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goals')),
    sa.UniqueConstraint('citizen_id', 'source_step_id', name='uq_goals_citizen_source_step')
    )
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goals_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('submissions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("status IN ('waiting', 'answered')", name=op.f('ck_submissions_status_known')),
    sa.ForeignKeyConstraint(['answered_by_id'], ['staff_users.id'], name=op.f('fk_submissions_answered_by_id_staff_users')),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_submissions_citizen_id_citizens'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submissions')),
    sa.UniqueConstraint('citizen_id', 'version', name='uq_submissions_citizen_version')
    )
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submissions_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('support_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['staff_users.id'], name=op.f('fk_support_notes_author_id_staff_users')),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_support_notes_citizen_id_citizens'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_support_notes'))
    )
    with op.batch_alter_table('support_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_support_notes_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('wish_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('price_ore', sa.Integer(), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('shop', sa.String(length=300), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('approved_ore', sa.Integer(), nullable=False),
    sa.Column('source_step_id', sa.String(length=80), nullable=True),
    sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('draft', 'submitted', 'approved', 'change_requested', 'declined', 'ordered', 'paid')", name=op.f('ck_wish_items_status_known')),
    sa.CheckConstraint('approved_ore >= 0', name=op.f('ck_wish_items_approved_nonnegative')),
    sa.CheckConstraint('price_ore IS NULL OR price_ore > 0', name=op.f('ck_wish_items_price_positive')),
    sa.CheckConstraint('quantity BETWEEN 1 AND 1000', name=op.f('ck_wish_items_quantity_sane')),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_wish_items_citizen_id_citizens'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_wish_items_goal_id_goals'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_wish_items')),
    sa.UniqueConstraint('citizen_id', 'source_step_id', name='uq_wish_items_citizen_source_step')
    )
    with op.batch_alter_table('wish_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_wish_items_citizen_id'), ['citizen_id'], unique=False)

    op.create_table('payment_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('wish_item_id', sa.Integer(), nullable=False),
    sa.Column('vendor', sa.String(length=200), nullable=False),
    sa.Column('amount_ore', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=200), nullable=True),
    sa.Column('purchase_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('handled_by_id', sa.Integer(), nullable=True),
    sa.Column('handled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reject_reason', sa.Text(), nullable=True),
    sa.CheckConstraint("status IN ('requested', 'paid', 'rejected')", name=op.f('ck_payment_requests_status_known')),
    sa.CheckConstraint('amount_ore > 0', name=op.f('ck_payment_requests_amount_positive')),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_payment_requests_citizen_id_citizens'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['handled_by_id'], ['staff_users.id'], name=op.f('fk_payment_requests_handled_by_id_staff_users')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['staff_users.id'], name=op.f('fk_payment_requests_requested_by_id_staff_users')),
    sa.ForeignKeyConstraint(['wish_item_id'], ['wish_items.id'], name=op.f('fk_payment_requests_wish_item_id_wish_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_requests'))
    )
    with op.batch_alter_table('payment_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_requests_citizen_id'), ['citizen_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_requests_wish_item_id'), ['wish_item_id'], unique=False)

    op.create_table('second_opinions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('wish_item_id', sa.Integer(), nullable=False),
    sa.Column('asked_by_id', sa.Integer(), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('asked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('answer', sa.Text(), nullable=True),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['answered_by_id'], ['staff_users.id'], name=op.f('fk_second_opinions_answered_by_id_staff_users')),
    sa.ForeignKeyConstraint(['asked_by_id'], ['staff_users.id'], name=op.f('fk_second_opinions_asked_by_id_staff_users')),
    sa.ForeignKeyConstraint(['wish_item_id'], ['wish_items.id'], name=op.f('fk_second_opinions_wish_item_id_wish_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_second_opinions'))
    )
    with op.batch_alter_table('second_opinions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_second_opinions_wish_item_id'), ['wish_item_id'], unique=False)

    op.create_table('submission_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('wish_item_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('price_ore', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('goal_text', sa.Text(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('shop', sa.String(length=300), nullable=True),
    sa.CheckConstraint('price_ore > 0', name=op.f('ck_submission_items_price_positive')),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], name=op.f('fk_submission_items_submission_id_submissions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['wish_item_id'], ['wish_items.id'], name=op.f('fk_submission_items_wish_item_id_wish_items'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submission_items'))
    )
    with op.batch_alter_table('submission_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_items_submission_id'), ['submission_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_submission_items_wish_item_id'), ['wish_item_id'], unique=False)

    op.create_table('item_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('submission_item_id', sa.Integer(), nullable=False),
    sa.Column('wish_item_id', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("decision = 'approve' OR (reason IS NOT NULL AND reason <> '')", name=op.f('ck_item_decisions_reason_required')),
    sa.CheckConstraint("decision IN ('approve', 'change', 'decline')", name=op.f('ck_item_decisions_decision_known')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['staff_users.id'], name=op.f('fk_item_decisions_decided_by_id_staff_users')),
    sa.ForeignKeyConstraint(['submission_item_id'], ['submission_items.id'], name=op.f('fk_item_decisions_submission_item_id_submission_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['wish_item_id'], ['wish_items.id'], name=op.f('fk_item_decisions_wish_item_id_wish_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_decisions'))
    )
    with op.batch_alter_table('item_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_decisions_submission_item_id'), ['submission_item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_decisions_wish_item_id'), ['wish_item_id'], unique=False)

    op.create_table('ledger_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('wish_item_id', sa.Integer(), nullable=True),
    sa.Column('payment_request_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('amount_ore', sa.Integer(), nullable=False),
    sa.Column('committed_delta_ore', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('approved', 'approval_withdrawn', 'payment_requested', 'payment_paid', 'payment_rejected')", name=op.f('ck_ledger_entries_kind_known')),
    sa.CheckConstraint('amount_ore >= 0', name=op.f('ck_ledger_entries_amount_nonnegative')),
    sa.ForeignKeyConstraint(['actor_id'], ['staff_users.id'], name=op.f('fk_ledger_entries_actor_id_staff_users')),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_ledger_entries_citizen_id_citizens'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['payment_request_id'], ['payment_requests.id'], name=op.f('fk_ledger_entries_payment_request_id_payment_requests')),
    sa.ForeignKeyConstraint(['wish_item_id'], ['wish_items.id'], name=op.f('fk_ledger_entries_wish_item_id_wish_items'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_entries'))
    )
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_entries_citizen_id'), ['citizen_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_entries_citizen_id'))

    op.drop_table('ledger_entries')
    with op.batch_alter_table('item_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_decisions_wish_item_id'))
        batch_op.drop_index(batch_op.f('ix_item_decisions_submission_item_id'))

    op.drop_table('item_decisions')
    with op.batch_alter_table('submission_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_items_wish_item_id'))
        batch_op.drop_index(batch_op.f('ix_submission_items_submission_id'))

    op.drop_table('submission_items')
    with op.batch_alter_table('second_opinions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_second_opinions_wish_item_id'))

    op.drop_table('second_opinions')
    with op.batch_alter_table('payment_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_requests_wish_item_id'))
        batch_op.drop_index(batch_op.f('ix_payment_requests_citizen_id'))

    op.drop_table('payment_requests')
    with op.batch_alter_table('wish_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_wish_items_citizen_id'))

    op.drop_table('wish_items')
    with op.batch_alter_table('support_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_support_notes_citizen_id'))

    op.drop_table('support_notes')
    with op.batch_alter_table('submissions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submissions_citizen_id'))

    op.drop_table('submissions')
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goals_citizen_id'))

    op.drop_table('goals')
    op.drop_table('course_progress')
    with op.batch_alter_table('course_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_course_answers_citizen_id'))

    op.drop_table('course_answers')
    op.drop_table('citizen_credentials')
    with op.batch_alter_table('check_ins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_ins_citizen_id'))

    op.drop_table('check_ins')
    with op.batch_alter_table('chat_turns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_chat_turns_citizen_id'))

    op.drop_table('chat_turns')
    with op.batch_alter_table('citizens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_citizens_support_person_id'))
        batch_op.drop_index(batch_op.f('ix_citizens_programme_id'))

    op.drop_table('citizens')
    with op.batch_alter_table('staff_users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_users_programme_id'))

    op.drop_table('staff_users')
    op.drop_table('programmes')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_citizen_id'))
        batch_op.drop_index('ix_audit_events_citizen_at')
        batch_op.drop_index(batch_op.f('ix_audit_events_at'))

    op.drop_table('audit_events')
