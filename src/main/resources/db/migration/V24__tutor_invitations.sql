-- Tuteurs entreprise invited by e-mail (module tutors): who is no user of the LMS signs in with a single-use link.

-- The learners an invitation names are assigned to the invited tutor with a source of their own.
alter table tutor_assignment drop constraint tutor_assignment_source_check;
alter table tutor_assignment add constraint tutor_assignment_source_check
    check (source in ('PLATFORM', 'TRAINER', 'INVITATION'));

-- An évaluateur habilité invites a tutor (one address) to judge given learners of one course, until it expires or
-- is revoked. tutor_user_id is the person the tool made for them (sub 'tutor-invitation:<public_id>'); once an
-- evaluator confirms that an LMS Mentor with the same address is that person, they sign in as that Mentor.
create table tutor_invitation (
    id                bigserial primary key,
    public_id         uuid        not null unique,
    course_id         bigint      not null references course (id),
    email             text        not null,
    tutor_name        text,
    locale            text        not null,
    tutor_user_id     bigint      not null references lti_user (id),
    invited_by_sub    text        not null,
    created_at        timestamptz not null default now(),
    expires_at        timestamptz not null,
    revoked_at        timestamptz,
    revoked_by_sub    text,
    confirmed_user_id bigint references lti_user (id),
    confirmed_by_sub  text,
    confirmed_at      timestamptz
);
create index tutor_invitation_course_idx on tutor_invitation (course_id);
create index tutor_invitation_email_idx on tutor_invitation (lower(email));

create table tutor_invitation_learner (
    invitation_id bigint not null references tutor_invitation (id),
    learner_id    bigint not null references lti_user (id),
    primary key (invitation_id, learner_id)
);

-- Sign-in links: only the SHA-256 of the token is kept; a token is spent by its first use.
create table tutor_sign_in_token (
    token_hash    bytea       primary key,
    invitation_id bigint      not null references tutor_invitation (id),
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    used_at       timestamptz
);
create index tutor_sign_in_token_invitation_idx on tutor_sign_in_token (invitation_id);

-- Who did what and when: the invitations' life, every sign-in (and its refusals), every request of an invited
-- tutor's session.
create table tutor_audit (
    id            bigserial primary key,
    invitation_id bigint      references tutor_invitation (id),
    at            timestamptz not null default now(),
    actor         text        not null,
    action        text        not null,
    detail        text
);
create index tutor_audit_invitation_idx on tutor_audit (invitation_id, at);

-- A tuteur entreprise attaches evidence too (photos of the work observed, from their phone).
alter table evidence drop constraint evidence_added_as_check;
alter table evidence add constraint evidence_added_as_check check (added_as in ('EVALUATOR', 'TUTOR', 'LEARNER'));
alter table evidence_audit drop constraint evidence_audit_actor_as_check;
alter table evidence_audit add constraint evidence_audit_actor_as_check
    check (actor_as in ('EVALUATOR', 'TUTOR', 'LEARNER'));
