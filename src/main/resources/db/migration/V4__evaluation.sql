-- One judgment per learner, course and observable criterion; its version guards concurrent edits.
create table judgment (
    id               bigserial primary key,
    course_id        bigint      not null references course (id),
    learner_id       bigint      not null references lti_user (id),
    referentiel_code text        not null,
    criterion_code   text        not null,
    status           text        not null check (status in ('NON_EVALUE', 'NON_ACQUIS', 'EN_COURS', 'ACQUIS')),
    modality         text,
    comment          text        check (char_length(comment) <= 4000),
    version          integer     not null,
    updated_by_sub   text        not null,
    updated_by_name  text,
    updated_at       timestamptz not null,
    unique (course_id, learner_id, referentiel_code, criterion_code)
);
create index judgment_course_idx on judgment (course_id);

-- Every change of a judgment, appended and never changed.
create table judgment_audit (
    id               bigserial primary key,
    judgment_id      bigint      not null references judgment (id),
    platform_id      bigint      not null,
    course_id        bigint      not null,
    learner_id       bigint      not null,
    learner_sub      text        not null,
    criterion_code   text        not null,
    before_status    text,
    before_modality  text,
    before_comment   text,
    after_status     text        not null,
    after_modality   text,
    after_comment    text,
    evaluator_sub    text        not null,
    evaluator_name   text,
    changed_at       timestamptz not null default now(),
    request_id       text
);
create index judgment_audit_learner_idx on judgment_audit (course_id, learner_id, changed_at desc);

create function judgment_audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'judgment_audit is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger judgment_audit_no_update_or_delete before update or delete on judgment_audit
    for each row execute function judgment_audit_is_append_only();
create trigger judgment_audit_no_truncate before truncate on judgment_audit
    for each statement execute function judgment_audit_is_append_only();
revoke update, delete, truncate on judgment_audit from public;
