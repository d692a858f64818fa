-- Origins (scheme://host[:port]) besides the issuer's, the token endpoint's and the OpenID configuration's where a
-- platform's services live and may receive its bearer token (Canvas: the institution's domain). Set by the
-- administrator (admin page, platforms file).
alter table platform add column service_origins text[] not null default '{}';
