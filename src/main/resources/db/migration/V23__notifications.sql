-- A jury member may be given an e-mail address: they then receive the session's invitation (iCalendar).
alter table jury_member add column email text check (email is null or char_length(email) between 3 and 254);
-- Each change of a session's date or place: the SEQUENCE of its iCalendar invitation.
alter table jury_session add column revision integer not null default 0;

-- Notifications by e-mail, written in the transaction of what caused them and delivered by a worker on any
-- instance. A row holds who is told what (its type and the parameters of its template), never the message's text:
-- that is composed at delivery, in the recipient's language (and a sign-in link minted then, never stored).
-- PENDING rows are claimed with FOR UPDATE SKIP LOCKED in the transaction that sends them and marks them SENT.
-- NO_ADDRESS: the person has no e-mail address (counted, never sent); CANCELLED: no longer to be sent (e.g. a
-- revoked invitation); FAILED: given up after retrying.
create table notification (
    id               bigserial primary key,
    type             text        not null,
    recipient        text,
    locale           text        not null,
    params           jsonb       not null default '{}'::jsonb,
    coalesce_key     text,
    status           text        not null check (status in ('PENDING', 'SENT', 'FAILED', 'NO_ADDRESS', 'CANCELLED')),
    message_id       text        not null unique,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    due_at           timestamptz not null default now(),
    attempts         integer     not null default 0,
    first_failure_at timestamptz,
    last_error       text,
    sent_at          timestamptz,
    check ((status = 'NO_ADDRESS') = (recipient is null))
);
create index notification_due_idx on notification (due_at) where status = 'PENDING';
-- One pending message per subject and recipient: what happens again before it is sent is told by that message.
create unique index notification_pending_key on notification (coalesce_key) where status = 'PENDING';
