-- A dynamic registration waiting for the administrator's confirmation (minutes; deleted when used).
create table pending_registration (
    id                   text        primary key,
    openid_configuration text        not null,
    registration_token   text,
    configuration        text        not null,
    expires_at           timestamptz not null
);
