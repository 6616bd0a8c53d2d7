-- The open incidents by unit: the triage list of a Department's reader finds those of its units
-- from here, unit by unit (a few hundred of a few thousand units), instead of reading every open
-- incident of the database and keeping those of its units (on the generated country, 34
-- Departments, 7,600 open incidents on 5,100 pages of the table for each page of the list).
-- The condition is the triage list's statuses, word for word, so that PostgreSQL uses it for it.
create index if not exists ix_incident_open_unit on incident (unit_id)
    where status in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'NEEDS_INFO', 'ESCALATED');
