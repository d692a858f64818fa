-- A cookieless launch belongs to the page that started it: the login step keeps a secret in that page's
-- sessionStorage; the state and then the handover code keep its SHA-256, and the code is redeemed only with it.
alter table oidc_state add column page_secret_hash bytea;
alter table session_handover add column page_secret_hash bytea;
