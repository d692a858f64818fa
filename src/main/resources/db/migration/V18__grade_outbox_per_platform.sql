-- The outbox is claimed per platform (each platform its own lane): due rows by platform, then by due time.
create index grade_outbox_platform_due_idx on grade_outbox (platform_id, due_at) where status = 'PENDING';
drop index grade_outbox_due_idx;
