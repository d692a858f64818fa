-- Who signed the livret d'évaluation of an evaluation session for a candidate, and what it said then: the SHA-256
-- of that session's judgments of the candidate (the last change of each criterion by each evaluator role in it). A
-- signature is never changed; signing again after a change adds a row, the latest per role stands.
create table livret_signature (
    id              bigserial primary key,
    course_id       bigint      not null references course (id),
    learner_id      bigint      not null references lti_user (id),
    session_id      bigint      not null references evaluation_session (id),
    signer_role     text        not null check (signer_role in ('EVALUATEUR', 'TUTEUR', 'CANDIDAT')),
    signer_sub      text        not null,
    signer_name     text        not null,
    typed_signature text        not null,
    content_hash    bytea       not null,
    signed_at       timestamptz not null default now()
);
create index livret_signature_learner_idx on livret_signature (course_id, learner_id, session_id, signed_at desc);
