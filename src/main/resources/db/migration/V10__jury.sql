-- Jury paritaire sessions of a course: members, candidates presented, decisions per candidate and bloc, recours.
create table jury_session (
    id              bigserial primary key,
    course_id       bigint      not null references course (id),
    held_on         date        not null,
    place           text        not null check (char_length(place) between 1 and 200),
    created_by_sub  text        not null,
    created_at      timestamptz not null default now()
);
create index jury_session_course_idx on jury_session (course_id, held_on desc);

create table jury_member (
    id          bigserial primary key,
    session_id  bigint not null references jury_session (id),
    position    integer not null,
    name        text   not null check (char_length(name) between 1 and 200),
    college     text   not null check (college in ('EMPLOYEURS', 'SALARIES', 'AUCUN')),
    role        text   not null check (role in ('PRESIDENT', 'REPRESENTANT_EMPLOYEURS', 'REPRESENTANT_SALARIES',
                                                'RAPPORTEUR')),
    unique (session_id, position)
);

create table jury_candidate (
    session_id  bigint not null references jury_session (id),
    learner_id  bigint not null references lti_user (id),
    primary key (session_id, learner_id)
);

-- A recours against a bloc's decision; decided later by a decision that names it.
create table jury_recours (
    id               bigserial primary key,
    course_id        bigint      not null references course (id),
    learner_id       bigint      not null references lti_user (id),
    bloc_code        text        not null,
    filed_on         date        not null,
    grounds          text        not null check (char_length(grounds) between 1 and 4000),
    recorded_by_sub  text        not null,
    recorded_at      timestamptz not null default now()
);

-- Every decision of a jury on one candidate's bloc, appended and never changed: the latest one stands
-- (REOUVERTURE: the evaluation of the bloc is reopened, no decision stands and its judgments may change again).
-- It references the bloc and the candidate, not an evaluator.
create table jury_decision (
    id                bigserial primary key,
    session_id        bigint      not null references jury_session (id),
    course_id         bigint      not null references course (id),
    learner_id        bigint      not null references lti_user (id),
    referentiel_code  text        not null,
    bloc_code         text        not null,
    outcome           text        not null check (outcome in ('VALIDE', 'NON_VALIDE', 'REOUVERTURE')),
    votes_for         integer     not null check (votes_for >= 0),
    votes_against     integer     not null check (votes_against >= 0),
    votes_abstention  integer     not null check (votes_abstention >= 0),
    reason            text        not null check (char_length(reason) between 1 and 4000),
    preconisations    text        check (char_length(preconisations) <= 4000),
    proposition       text        check (proposition in ('FAVORABLE', 'DEFAVORABLE')),
    recours_id        bigint      references jury_recours (id),
    decided_by_sub    text        not null,
    decided_by_name   text,
    decided_at        timestamptz not null default now(),
    request_id        text,
    check (votes_for > votes_against)
);
create index jury_decision_learner_idx on jury_decision (course_id, learner_id, bloc_code, id desc);
create unique index jury_decision_one_per_recours on jury_decision (recours_id) where recours_id is not null;

create function jury_decision_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'jury_decision is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger jury_decision_no_update_or_delete before update or delete on jury_decision
    for each row execute function jury_decision_is_append_only();
create trigger jury_decision_no_truncate before truncate on jury_decision
    for each statement execute function jury_decision_is_append_only();
revoke update, delete, truncate on jury_decision from public;
