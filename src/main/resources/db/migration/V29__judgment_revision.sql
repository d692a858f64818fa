-- A course's judgments' revision: raised once per changed judgment row by every write to judgment (insert, update,
-- delete, whatever the code path), so that an instance can keep a course's judgments in memory and know, by one
-- indexed read, whether they are still the ones in the database (the cohort of a large course reads 16,000 rows).
-- The trigger is deferred to the commit: the course's row is locked last, after the learners' advisory locks a save
-- takes, so two saves in one course never wait on each other in a cycle.
create table judgment_revision (
    course_id bigint primary key references course (id),
    revision  bigint not null
);

create function raise_judgment_revision() returns trigger language plpgsql as $$
begin
    insert into judgment_revision (course_id, revision)
    values (case when tg_op = 'DELETE' then old.course_id else new.course_id end, 1)
    on conflict (course_id) do update set revision = judgment_revision.revision + 1;
    if tg_op = 'UPDATE' and old.course_id <> new.course_id then
        insert into judgment_revision (course_id, revision) values (old.course_id, 1)
        on conflict (course_id) do update set revision = judgment_revision.revision + 1;
    end if;
    return null;
end $$;

create constraint trigger judgment_revision_raised
    after insert or update or delete on judgment
    deferrable initially deferred
    for each row execute function raise_judgment_revision();
