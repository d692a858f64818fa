-- Handing a credential over to a wallet (the Learner Credential Wallet's credential request flow).

-- An offer the learner made from « Mes certifications »: the wallet proves control of its DID over the challenge
-- the deep link carried. Only the challenge's SHA-256 is kept; it serves once, within its lifetime.
create table wallet_offer (
    id              uuid        primary key,          -- the exchange id in the wallet's request URL
    credential_id   uuid        not null references credential (id),
    course_id       bigint      not null references course (id),
    learner_id      bigint      not null references lti_user (id),
    challenge_hash  bytea       not null unique check (octet_length(challenge_hash) = 32),
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    used_at         timestamptz,
    check (expires_at > created_at)
);
create index wallet_offer_expiry_idx on wallet_offer (expires_at);

-- The copy of a credential a wallet received: the same claims, credentialSubject.id the wallet's DID, its own status
-- entry (positions from the same sequence as the credentials'), signed and stored once. It has no revocation of its
-- own: the status list reports it revoked as soon as its original is.
create table wallet_credential (
    id              uuid        primary key,
    original_id     uuid        not null references credential (id),
    offer_id        uuid        not null unique references wallet_offer (id),
    holder_did      text        not null check (holder_did like 'did:key:z6Mk%'),
    status_list     integer     not null,
    status_index    integer     not null,
    json            text        not null,
    jwt             text        not null,
    issued_at       timestamptz not null default now(),
    unique (status_list, status_index)
);
create index wallet_credential_original_idx on wallet_credential (original_id);
create index wallet_credential_status_idx on wallet_credential (status_list);

create function wallet_credential_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'a credential handed to a wallet is never changed nor deleted: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger wallet_credential_immutable before update or delete on wallet_credential
    for each row execute function wallet_credential_is_immutable();
create trigger wallet_credential_no_truncate before truncate on wallet_credential
    for each statement execute function wallet_credential_is_immutable();
