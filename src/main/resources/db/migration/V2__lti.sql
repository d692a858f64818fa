-- Platforms (LMS registrations) and their deployments.
create table platform (
    id                     bigserial primary key,
    name                   text        not null,
    issuer                 text        not null,
    client_id              text        not null,
    authorization_endpoint text        not null,
    token_endpoint         text        not null,
    jwks_uri               text        not null,
    enabled                boolean     not null default true,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    last_launch_at         timestamptz,
    unique (issuer, client_id)
);

create table deployment (
    id            bigserial primary key,
    platform_id   bigint      not null references platform (id),
    deployment_id text        not null,
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    unique (platform_id, deployment_id)
);

-- OIDC login state shared by every instance (the library's default keeps it in one JVM).
create table oidc_state (
    state          text        primary key,
    request        bytea       not null,
    storage_target text,
    expires_at     timestamptz not null
);
create index oidc_state_expiry_idx on oidc_state (expires_at);

-- A nonce is accepted once per platform, whichever instance sees it.
create table used_nonce (
    platform_id bigint      not null references platform (id),
    nonce       text        not null,
    expires_at  timestamptz not null,
    primary key (platform_id, nonce)
);
create index used_nonce_expiry_idx on used_nonce (expires_at);

-- The tool's own signing keys. The active key signs; retired keys stay published until retire_after.
create table tool_key (
    id              bigserial primary key,
    kid             text        not null unique,
    private_key_pem text        not null,
    public_jwk      text        not null,
    created_at      timestamptz not null default now(),
    retired_at      timestamptz,
    publish_until   timestamptz
);

-- What launches tell us about people, courses and placements.
create table lti_user (
    id             bigserial primary key,
    platform_id    bigint      not null references platform (id),
    sub            text        not null,
    name           text,
    given_name     text,
    family_name    text,
    email          text,
    locale         text,
    last_launch_at timestamptz,
    unique (platform_id, sub)
);

create table course (
    id             bigserial primary key,
    platform_id    bigint      not null references platform (id),
    deployment_id  text        not null,
    context_id     text        not null,
    label          text,
    title          text,
    ags_lineitems  text,
    nrps_url       text,
    last_launch_at timestamptz,
    unique (platform_id, context_id)
);

create table resource_link (
    id             bigserial primary key,
    course_id      bigint      not null references course (id),
    link_id        text        not null,
    title          text,
    custom         jsonb       not null default '{}'::jsonb,
    ags_lineitem   text,
    last_launch_at timestamptz,
    unique (course_id, link_id)
);

-- A person's role in a course, as last seen in a launch (or, later, in the roster).
create table enrolment (
    course_id   bigint      not null references course (id),
    user_id     bigint      not null references lti_user (id),
    tool_role   text        not null,
    lti_roles   text[]      not null default '{}',
    active      boolean     not null default true,
    source      text        not null default 'LAUNCH',
    updated_at  timestamptz not null default now(),
    primary key (course_id, user_id)
);
create index enrolment_user_idx on enrolment (user_id);
