-- Dated evaluation sessions of a course (positionnement, évaluation intermédiaire, évaluation finale). Every
-- judgment is made in one; one session of the course is the current one, where new judgments go.
create table evaluation_session (
    id              bigserial primary key,
    course_id       bigint      not null references course (id),
    kind            text        not null check (kind in ('POSITIONNEMENT', 'EVALUATION_INTERMEDIAIRE',
                                                         'EVALUATION_FINALE')),
    held_on         date        not null,
    label           text        check (char_length(label) between 1 and 200),
    is_current      boolean     not null default false,
    -- Holds the judgments recorded before sessions existed (their audit entries have no session).
    earlier_judgments boolean   not null default false,
    created_by_sub  text        not null,
    created_at      timestamptz not null default now()
);
create index evaluation_session_course_idx on evaluation_session (course_id, held_on desc, id desc);
create unique index evaluation_session_one_current on evaluation_session (course_id) where is_current;

-- The latest judgment of a criterion by an evaluator role, and every change of it, name their session.
alter table judgment add column session_id bigint references evaluation_session (id);
alter table judgment_audit add column session_id bigint references evaluation_session (id);
create index judgment_audit_session_idx on judgment_audit (session_id) where session_id is not null;

-- Judgments made before: one session per course, an évaluation intermédiaire dated the first of them, current.
insert into evaluation_session (course_id, kind, held_on, is_current, earlier_judgments, created_by_sub, created_at)
select course_id, 'EVALUATION_INTERMEDIAIRE', (min(updated_at) at time zone 'Europe/Paris')::date, true, true, 'migration', now()
from judgment group by course_id;
update judgment j set session_id = s.id from evaluation_session s where s.course_id = j.course_id;
alter table judgment alter column session_id set not null;
