-- The directive list's visibility (the directives that reached a unit under the reader's scope) is
-- the set of directives of each unit under the scope: a district office's list read 14,000
-- recipient rows on the generated province, each from its own page of the table (12 of the
-- statement's 20 ms). With the directive beside the unit in the index, the set is read from the
-- index alone (2 ms). The same for the directives forwarded to a unit (a small part of the
-- assignments). The index on the unit alone is then the leading part of the new one.
create index ix_directive_recipient_unit_directive on directive_recipient (unit_id, directive_id);
drop index ix_directive_recipient_unit;
create index ix_assignment_forwarded_unit on assignment (unit_id, directive_id) where parent_id is not null;
