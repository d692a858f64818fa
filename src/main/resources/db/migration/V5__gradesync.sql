-- Grade sync outbox: one row per learner and bloc, written in the transaction that changed the bloc's
-- result. Workers send the current result (so intermediate states coalesce and the newest always wins);
-- change_seq tells a worker whether the row changed while it was sending.
create table grade_outbox (
    id            bigserial primary key,
    platform_id   bigint      not null references platform (id),
    course_id     bigint      not null references course (id),
    learner_id    bigint      not null references lti_user (id),
    bloc_code     text        not null,
    status        text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
    change_seq    bigint      not null default 1,
    changed_at    timestamptz not null default now(),
    due_at        timestamptz not null default now(),
    attempts      integer     not null default 0,
    first_failure_at timestamptz,
    last_error    text,
    claimed_until timestamptz,
    claimed_seq   bigint,
    sent_at       timestamptz,
    sent_seq      bigint,
    sent_score    numeric(6, 2),
    sent_state    text,
    unique (course_id, learner_id, bloc_code)
);
create index grade_outbox_due_idx on grade_outbox (due_at) where status = 'PENDING';

-- Line items of the course's gradebook, one per bloc and resource link (or the platform's, from deep linking).
create table line_item (
    id               bigserial primary key,
    course_id        bigint      not null references course (id),
    resource_link_id bigint      references resource_link (id),
    bloc_code        text        not null,
    url              text        not null,
    from_platform    boolean     not null default false,
    created_at       timestamptz not null default now(),
    unique (course_id, resource_link_id, bloc_code)
);

-- OAuth 2 access tokens for LTI Advantage services, shared by every instance.
create table service_token (
    platform_id  bigint      not null references platform (id),
    scopes       text        not null,
    access_token text        not null,
    expires_at   timestamptz not null,
    primary key (platform_id, scopes)
);

alter table course add column show_progress_in_gradebook boolean not null default false;
alter table course add column roster_synced_at timestamptz;
