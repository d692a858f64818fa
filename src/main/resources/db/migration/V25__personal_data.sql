-- Personal data (issue 27): the retention job, erasure on request, the log of who read a learner's data.

-- The append-only tables accept a delete or an update only from a transaction that declared itself a retention
-- purge or an erasure (fr.cqpi.personaldata.PersonalDataWrites: set_config('cqpi.personal_data', 'purge', true),
-- which lasts until the transaction ends). Everything else is refused as before, TRUNCATE always.
create or replace function judgment_audit_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op <> 'TRUNCATE' and current_setting('cqpi.personal_data', true) = 'purge' then
        return case when tg_op = 'DELETE' then old else new end;
    end if;
    raise exception 'judgment_audit is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create or replace function evidence_audit_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op <> 'TRUNCATE' and current_setting('cqpi.personal_data', true) = 'purge' then
        return case when tg_op = 'DELETE' then old else new end;
    end if;
    raise exception 'evidence_audit is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create or replace function jury_decision_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op <> 'TRUNCATE' and current_setting('cqpi.personal_data', true) = 'purge' then
        return case when tg_op = 'DELETE' then old else new end;
    end if;
    raise exception 'jury_decision is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create or replace function evidence_only_withdrawn() returns trigger language plpgsql as $$
begin
    if tg_op <> 'TRUNCATE' and current_setting('cqpi.personal_data', true) = 'purge' then
        return case when tg_op = 'DELETE' then old else new end;
    end if;
    if tg_op <> 'UPDATE' or old.withdrawn_at is not null or new.withdrawn_at is null
        or (to_jsonb(new) - 'withdrawn_by_sub' - 'withdrawn_by_name' - 'withdrawn_at')
           is distinct from (to_jsonb(old) - 'withdrawn_by_sub' - 'withdrawn_by_name' - 'withdrawn_at') then
        raise exception 'evidence is only ever withdrawn, once: % refused', tg_op
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;

-- An issued document stays in the register: never deleted; an erasure replaces only who issued it.
create or replace function issued_document_is_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and current_setting('cqpi.personal_data', true) = 'purge'
        and (to_jsonb(new) - 'issued_by_sub' - 'issued_by_name')
            is not distinct from (to_jsonb(old) - 'issued_by_sub' - 'issued_by_name') then
        return new;
    end if;
    raise exception 'issued_document is never changed once issued: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

-- Each run of the retention job: claimed by one instance (under an advisory lock), with what it purged.
create table retention_run (
    id           bigserial   primary key,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz not null default now(),
    instance     text        not null,
    purged       jsonb       not null
);
create index retention_run_finished_idx on retention_run (finished_at desc);

-- Who read a learner's grid, evidence or documents, other than the learner: one row per read.
create table personal_data_read (
    id           bigserial   primary key,
    at           timestamptz not null default now(),
    platform_id  bigint      not null,
    course_id    bigint,
    reader_sub   text        not null,
    reader_name  text,
    reader_role  text        not null,
    learner_sub  text        not null,
    what         text        not null check (what in ('GRID', 'HISTORY', 'EVIDENCE', 'EVIDENCE_FILE', 'DOCUMENTS',
                                                      'DOCUMENT_PDF', 'JURY', 'ARCHIVE')),
    item         text
);
create index personal_data_read_learner_idx on personal_data_read (platform_id, learner_sub, at desc);
create index personal_data_read_reader_idx on personal_data_read (platform_id, reader_sub);
create index personal_data_read_at_idx on personal_data_read (at);

-- Erasures on request: under a pseudonym, never the person's name, e-mail or LTI id.
create table personal_data_erasure (
    id           bigserial   primary key,
    at           timestamptz not null default now(),
    pseudonym    text        not null unique,
    platform_id  bigint      not null,
    reason       text        not null check (char_length(reason) between 1 and 1000),
    erased_by    text        not null,
    erased       jsonb       not null
);
