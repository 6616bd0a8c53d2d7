-- The key of the form a draft was first saved from: the same form sent several times at
-- once (a double tap) makes one draft.
alter table directive add column form_key uuid;
alter table directive add constraint uq_directive_form_key unique (form_key);
