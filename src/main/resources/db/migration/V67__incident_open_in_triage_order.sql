-- The open incidents in the triage list's order (the unassigned first, the most severe, the
-- earliest deadline): a Department's triage list reads them in this order, asking of each
-- whether its unit is in the reader's scope, and stops when the page is full. Before, it looked
-- up each unit of the scope in an index of the open incidents by unit (V61, dropped here: no
-- other statement reads it) and sorted all of them for every page; on the generated province,
-- 1,500 look-ups and 243 incidents read for a page of 25.
-- The condition is the triage list's statuses, word for word, so that PostgreSQL uses it for it.
create index if not exists ix_incident_triage_order
    on incident ((reviewer_id is null) desc, severity desc, triage_due_at, id)
    where status in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'NEEDS_INFO', 'ESCALATED');

drop index if exists ix_incident_open_unit;
