-- Verifiable credentials (Open Badges 3.0) issued for the blocs a jury validated.

-- The credentials module's signing keys, one per purpose, shared by every instance: the first instance that needs
-- one creates it (insert ... on conflict do nothing), the others read it.
create table credential_key (
    purpose      text        primary key check (purpose in ('VC_JWT_RS256', 'DATA_INTEGRITY_ED25519')),
    private_key  bytea       not null, -- PKCS#8
    public_key   bytea       not null, -- X.509 SubjectPublicKeyInfo
    created_at   timestamptz not null default now()
);

-- Positions in the revocation status lists (W3C Bitstring Status List), never reused.
create sequence credential_status_position;

-- An issued credential: the exact JSON (with its embedded Data Integrity proof) and the compact VC-JWT, stored
-- once and never regenerated; only its revocation may be recorded later.
create table credential (
    id                   uuid        primary key,
    kind                 text        not null check (kind in ('BLOC', 'CERTIFICATE')),
    course_id            bigint      not null references course (id),
    learner_id           bigint      not null references lti_user (id),
    bloc_code            text,
    decision_id          bigint      unique,
    referentiel_code     text        not null,
    referentiel_version  integer     not null,
    identity_salt        text        not null,
    status_list          integer     not null,
    status_index         integer     not null,
    json                 text        not null,
    jwt                  text        not null,
    issued_at            timestamptz not null default now(),
    revoked_at           timestamptz,
    revocation_reason    text        check (char_length(revocation_reason) <= 1000),
    revoked_by           text,
    unique (status_list, status_index),
    check ((kind = 'BLOC') = (bloc_code is not null)),
    check ((revoked_at is null) = (revocation_reason is null))
);
create index credential_learner_idx on credential (course_id, learner_id);
-- At most one credential in force per bloc of a learner: a bloc validated again while its credential stands keeps
-- that credential.
create unique index credential_one_standing_per_bloc on credential (course_id, learner_id, bloc_code)
    where revoked_at is null and kind = 'BLOC';

create function credential_content_is_immutable() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' or new.id <> old.id or new.json <> old.json or new.jwt <> old.jwt
            or new.status_list <> old.status_list or new.status_index <> old.status_index
            or new.decision_id is distinct from old.decision_id or new.learner_id <> old.learner_id
            or (old.revoked_at is not null and new.revoked_at is distinct from old.revoked_at) then
        raise exception 'an issued credential is never changed nor deleted (only revoked once): % refused', tg_op
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;
create trigger credential_immutable before update or delete on credential
    for each row execute function credential_content_is_immutable();
create trigger credential_no_truncate before truncate on credential
    for each statement execute function credential_content_is_immutable();
