-- The oldest overdue deadlines of a large scope (a Department: 8,000 pending facts of a year to
-- pass over at country size) read from the index alone, in the order they are listed, each
-- checked against the scope's units without visiting the table; only the few listed are then
-- read. A small scope still reads its units' pending facts (ix_compliance_fact_pending).
drop index ix_compliance_fact_overdue;
create index ix_compliance_fact_overdue on compliance_fact (day, deadline, unit_id, assignment_id, kind) where not done;
