-- Documents issued by the tool (livret d'évaluation, procès-verbal du jury, attestation de blocs, certificat):
-- each under a unique number, with the PDF as issued and the facts it states (what the public verification page
-- confirms). Never changed once issued: issuing again makes a new number.
create sequence issued_document_number_seq;

create table issued_document (
    id                bigserial primary key,
    number            text        not null unique check (number ~ '^CQPI-[0-9]{4}-[0-9]{6,}$'),
    -- Random, in the verification URL beside the number: the numbers alone do not lead to the holders.
    token             text        not null check (char_length(token) >= 20),
    kind              text        not null check (kind in ('LIVRET', 'PROCES_VERBAL', 'ATTESTATION', 'CERTIFICAT')),
    course_id         bigint      not null references course (id),
    learner_id        bigint      references lti_user (id),
    jury_session_id   bigint      references jury_session (id),
    locale            text        not null,
    facts             jsonb       not null,
    pdf               bytea       not null,
    pdf_sha256        text        not null,
    issued_by_sub     text        not null,
    issued_by_name    text,
    issued_at         timestamptz not null default now(),
    check ((kind = 'PROCES_VERBAL') = (jury_session_id is not null and learner_id is null)),
    check (kind = 'PROCES_VERBAL' or learner_id is not null)
);
create index issued_document_learner_idx on issued_document (course_id, learner_id, id desc);
create index issued_document_session_idx on issued_document (jury_session_id, id desc);

create function issued_document_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'issued_document is never changed once issued: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger issued_document_no_update_or_delete before update or delete on issued_document
    for each row execute function issued_document_is_immutable();
create trigger issued_document_no_truncate before truncate on issued_document
    for each statement execute function issued_document_is_immutable();
revoke update, delete, truncate on issued_document from public;
