-- Dynamic registration only by invitation: the administrator creates a one-time URL for one LMS.
-- Only a SHA-256 of the invitation's secret is kept.
create table registration_invitation (
    id          bigserial   primary key,
    token_hash  text        not null unique,
    note        text,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz,
    platform_id bigint      references platform (id)
);

-- A pending registration belongs to the invitation it was opened with.
delete from pending_registration;
alter table pending_registration add column invitation_id bigint not null references registration_invitation (id);

-- Where a dynamically registered platform's OpenID configuration was read from.
alter table platform add column openid_configuration_url text;

-- Who changed a platform's registration (endpoints, keys, state) and how; never updated or deleted.
create table platform_audit (
    id          bigserial   primary key,
    platform_id bigint      not null references platform (id),
    at          timestamptz not null default now(),
    actor       text        not null,
    action      text        not null,
    before      jsonb,
    after       jsonb
);
create index platform_audit_platform_idx on platform_audit (platform_id, at);
create function append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger platform_audit_no_update_or_delete before update or delete on platform_audit
    for each row execute function append_only();
create trigger platform_audit_no_truncate before truncate on platform_audit
    for each statement execute function append_only();
