-- The activity's own gradebook column (the line item of the launch's AGS claim, on a resource link that is not a
-- placed bloc) receives the learner's overall result. It shares the outbox and the line items with the bloc
-- columns under the reserved code 'ALL', which no bloc can have (bloc codes are B1, B2…): the same claims,
-- retries, whole-second timestamps and sync page serve it.
alter table grade_outbox add constraint grade_outbox_bloc_code_check check (bloc_code = 'ALL' or bloc_code ~ '^B[1-9][0-9]*$');
alter table line_item add constraint line_item_bloc_code_check check (bloc_code = 'ALL' or bloc_code ~ '^B[1-9][0-9]*$');
comment on column grade_outbox.bloc_code is 'A bloc (B1…), or ALL: the overall result, for the activity''s own column';
comment on column line_item.bloc_code is 'A bloc (B1…), or ALL: the activity''s own column (from the launch''s lineitem claim)';
