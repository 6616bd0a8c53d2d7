-- The acknowledgements not yet due and not yet done (domain.md §5: pending, in no rate), read
-- at each view from the facts whose deadline is today or later: the summary keeps
-- acknowledgements by the day they were delivered, so a deadline passing changes the figures
-- with no write to the data. Only a few days' deliveries are ever in this range.
create index ix_compliance_fact_ack_pending on compliance_fact (deadline, day, unit_id) where not done and kind = 'A';
