-- The président's casting vote (voix prépondérante): a session's rules may give it on a tie; a decision a tie was
-- decided by it says so. Every other decision still needs more votes for than against.
alter table jury_session add column president_casting_vote boolean not null default false;

alter table jury_decision add column casting_vote boolean not null default false;
alter table jury_decision drop constraint jury_decision_check;
alter table jury_decision add constraint jury_decision_majority_check
    check (votes_for > votes_against or (casting_vote and votes_for = votes_against and votes_for > 0));
