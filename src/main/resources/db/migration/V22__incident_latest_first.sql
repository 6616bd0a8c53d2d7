-- The incident list shows the latest first, a page at a time: read in that order and stop at the
-- page instead of sorting every incident of a scope (15,000 for a province's Department).
create index ix_incident_latest on incident ((coalesce(submitted_at, updated_at)) desc, id desc);
