-- A référentiel file is stored as an immutable version; a changed file adds a version and
-- never touches earlier ones, so judgments made against them keep their meaning.
create table referentiel_version (
    id          bigserial primary key,
    code        text        not null,
    version     integer     not null,
    checksum    char(64)    not null,
    source      text        not null,
    title       text        not null,
    rules       jsonb       not null,
    document    jsonb       not null,
    loaded_at   timestamptz not null default now(),
    unique (code, version)
);

create table bloc (
    id                     bigserial primary key,
    referentiel_version_id bigint  not null references referentiel_version (id),
    code                   text    not null,
    position               integer not null,
    title                  text    not null,
    modalities             jsonb   not null,
    unique (referentiel_version_id, code)
);

create table competence (
    id                     bigserial primary key,
    referentiel_version_id bigint  not null references referentiel_version (id),
    bloc_id                bigint  not null references bloc (id),
    code                   text    not null,
    position               integer not null,
    title                  text    not null,
    unique (referentiel_version_id, code)
);

create table criterion (
    id                     bigserial primary key,
    referentiel_version_id bigint  not null references referentiel_version (id),
    competence_id          bigint  not null references competence (id),
    code                   text    not null,
    position               integer not null,
    text                   text    not null,
    unique (referentiel_version_id, code)
);

create index competence_bloc_idx on competence (bloc_id);
create index criterion_competence_idx on criterion (competence_id);
