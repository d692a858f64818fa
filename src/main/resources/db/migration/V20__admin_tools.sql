-- The tool's administrators: the configured one (cqpi.admin.*) is added at start when missing, then others by an
-- administrator. Passwords as Spring Security's DelegatingPasswordEncoder writes them ({bcrypt}…).
create table admin_account (
    id                  bigserial   primary key,
    username            text        not null unique check (char_length(username) between 1 and 64),
    password_hash       text        not null,
    created_at          timestamptz not null default now(),
    created_by          text,
    password_changed_at timestamptz not null default now()
);

-- A deleted platform is kept: its courses, judgments and audit trail reference it. It is hidden from the
-- administration's list and closed to launches and grade sends; registering it again (same issuer and client_id)
-- brings it back with its courses.
alter table platform add column deleted_at timestamptz;

-- Recent launches and refused launches, for the administrator: when, which platform and course, which role, the
-- outcome and the reason of a refusal. Never a token, a nonce or a state; only the newest rows are kept.
create table launch_log (
    id           bigserial   primary key,
    at           timestamptz not null default now(),
    platform_id  bigint      references platform (id),
    issuer       text,
    context_id   text,
    course_title text,
    role         text,
    message_type text,
    outcome      text        not null,
    detail       text
);
create index launch_log_at_idx on launch_log (at desc, id desc);
