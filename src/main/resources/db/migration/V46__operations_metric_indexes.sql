-- The business figures of /actuator/prometheus count what happened today: each is an index range
-- scan, not a count of the whole table (which at the size of a country would take seconds).
create index ix_report_revision_submitted on report_revision (submitted_at);
create index ix_incident_submitted on incident (submitted_at) where submitted_at is not null;
create index ix_directive_published on directive (published_at) where published_at is not null;
create index ix_reminder_sent_at on reminder_sent (sent_at);
