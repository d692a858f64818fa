-- Per learner and bloc, the timestamp of the last score sent (or attempted): the next one must be later in whole
-- seconds (Moodle refuses a score whose timestamp is not after the one it holds).
alter table grade_outbox add column score_timestamp timestamptz;
-- The platform's last refusal of this row (status and message), kept after a later success for the sync page.
alter table grade_outbox add column refusal_status integer;
alter table grade_outbox add column refusal text;
alter table grade_outbox add column refused_at timestamptz;
