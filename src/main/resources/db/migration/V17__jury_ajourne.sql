-- AJOURNE: the jury adjourns the candidate on a bloc (not validated, to be presented again at a later jury); the
-- decision stands until the next one, but the bloc's evaluation goes on (its judgments are not locked).
alter table jury_decision drop constraint jury_decision_outcome_check;
alter table jury_decision add constraint jury_decision_outcome_check
    check (outcome in ('VALIDE', 'NON_VALIDE', 'AJOURNE', 'REOUVERTURE'));
