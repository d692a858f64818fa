-- Two evaluators per candidate: the évaluateur habilité / formateur (EVALUATEUR) and the tuteur entreprise
-- (TUTEUR) each record their own judgment of a criterion. Judgments made before are the évaluateur habilité's.
alter table judgment add column evaluator_role text not null default 'EVALUATEUR'
    check (evaluator_role in ('EVALUATEUR', 'TUTEUR'));
alter table judgment alter column evaluator_role drop default;
do $$
declare name text;
begin
    select conname into strict name from pg_constraint
    where conrelid = 'judgment'::regclass and contype = 'u';
    execute format('alter table judgment drop constraint %I', name);
end
$$;
alter table judgment add constraint judgment_one_per_evaluator_role
    unique (course_id, learner_id, referentiel_code, criterion_code, evaluator_role);

-- Adding a column with a default rewrites no row: the append-only audit keeps its entries as they were.
alter table judgment_audit add column evaluator_role text not null default 'EVALUATEUR'
    check (evaluator_role in ('EVALUATEUR', 'TUTEUR'));
alter table judgment_audit alter column evaluator_role drop default;

-- Which learners a tuteur entreprise follows in a course: from the platform (the Mentor launch's
-- role_scope_mentor claim, kept in step with it) or designated by a trainer (kept until a trainer removes it).
create table tutor_assignment (
    course_id       bigint      not null references course (id),
    tutor_id        bigint      not null references lti_user (id),
    learner_id      bigint      not null references lti_user (id),
    source          text        not null check (source in ('PLATFORM', 'TRAINER')),
    assigned_by_sub text,
    assigned_at     timestamptz not null default now(),
    primary key (course_id, tutor_id, learner_id),
    check (tutor_id <> learner_id)
);
create index tutor_assignment_learner_idx on tutor_assignment (course_id, learner_id);
