-- Evidence (preuves) of a learner's file: a file (its bytes kept here, so that every instance serves it) or a link,
-- attached to a bloc or one of its criteria, by an evaluator or, where the référentiel says the candidate writes a
-- document, by the learner. Never deleted: withdrawing marks it and keeps it; every addition and withdrawal is in
-- the append-only evidence_audit.
create table evidence (
    id                 bigserial primary key,
    course_id          bigint      not null references course (id),
    learner_id         bigint      not null references lti_user (id),
    referentiel_code   text        not null,
    bloc_code          text        not null check (bloc_code ~ '^B[1-9][0-9]*$'),
    criterion_code     text        check (criterion_code ~ '^C[1-9][0-9]*\.[1-9][0-9]*$'),
    kind               text        not null check (kind in ('FILE', 'LINK')),
    title              text        not null check (char_length(title) between 1 and 200),
    content_type       text,
    size_bytes         bigint      check (size_bytes > 0),
    sha256             text,
    content            bytea,
    url                text        check (char_length(url) <= 2000 and url ~ '^https?://'),
    added_by_sub       text        not null,
    added_by_name      text,
    added_as           text        not null check (added_as in ('EVALUATOR', 'LEARNER')),
    added_at           timestamptz not null default now(),
    withdrawn_by_sub   text,
    withdrawn_by_name  text,
    withdrawn_at       timestamptz,
    check ((kind = 'FILE') = (content is not null and content_type is not null and size_bytes is not null
                              and sha256 is not null)),
    check ((kind = 'LINK') = (url is not null)),
    check ((withdrawn_at is null) = (withdrawn_by_sub is null))
);
create index evidence_learner_idx on evidence (course_id, learner_id, bloc_code, id);

-- Only a withdrawal changes a row, once; nothing else is ever updated, and nothing is deleted.
create function evidence_only_withdrawn() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' or old.withdrawn_at is not null or new.withdrawn_at is null
        or (to_jsonb(new) - 'withdrawn_by_sub' - 'withdrawn_by_name' - 'withdrawn_at')
           is distinct from (to_jsonb(old) - 'withdrawn_by_sub' - 'withdrawn_by_name' - 'withdrawn_at') then
        raise exception 'evidence is only ever withdrawn, once: % refused', tg_op
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;
create trigger evidence_withdraw_only before update or delete on evidence
    for each row execute function evidence_only_withdrawn();
create trigger evidence_no_truncate before truncate on evidence
    for each statement execute function evidence_only_withdrawn();

create table evidence_audit (
    id               bigserial primary key,
    evidence_id      bigint      not null references evidence (id),
    course_id        bigint      not null references course (id),
    learner_id       bigint      not null references lti_user (id),
    action           text        not null check (action in ('ADDED', 'WITHDRAWN')),
    bloc_code        text        not null,
    criterion_code   text,
    kind             text        not null,
    title            text        not null,
    content_type     text,
    size_bytes       bigint,
    sha256           text,
    url              text,
    actor_sub        text        not null,
    actor_name       text,
    actor_as         text        not null check (actor_as in ('EVALUATOR', 'LEARNER')),
    at               timestamptz not null default now(),
    request_id       text
);
create index evidence_audit_learner_idx on evidence_audit (course_id, learner_id, id desc);

create function evidence_audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'evidence_audit is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger evidence_audit_no_update_or_delete before update or delete on evidence_audit
    for each row execute function evidence_audit_is_append_only();
create trigger evidence_audit_no_truncate before truncate on evidence_audit
    for each statement execute function evidence_audit_is_append_only();
revoke update, delete, truncate on evidence_audit from public;
revoke delete, truncate on evidence from public;
