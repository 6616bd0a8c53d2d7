-- The unit that issued the directive a report answers, on the report itself, so that a
-- Department's review queue (its units' directives' submitted reports, oldest first) is read in
-- its order from one index, unit by unit of the Department, a page at a time. Found through the
-- assignment and the directive, the queue walked every submitted report of the database in the
-- order of submission until a page of the reader's was found (on the generated country, 4.4
-- million submitted reports of 34 Departments: about 1,700 read for each page, and all of them
-- for a Department with nothing to review).
--
-- A directive's issuer is set when it is drafted and never changes, and a report never moves to
-- another directive: the column is filled once, by the database, when the report is written
-- (the portal does not map it), and is exact by construction.
alter table report add column issuer_unit_id bigint;

-- Filled in place with the triggers off: no figure of the dashboard or compliance changes (they
-- read no issuer from a report), and the dashboard's triggers would queue work for every row.
alter table report disable trigger user;
update report r set issuer_unit_id = d.issuer_unit_id
from assignment a join directive d on d.id = a.directive_id
where a.id = r.assignment_id;
alter table report enable trigger user;

alter table report alter column issuer_unit_id set not null,
    add constraint fk_report_issuer_unit foreign key (issuer_unit_id) references unit (id);

create function report_issuer() returns trigger
    language plpgsql
as $$
begin
    select d.issuer_unit_id into new.issuer_unit_id
    from assignment a join directive d on d.id = a.directive_id
    where a.id = new.assignment_id;
    return new;
end
$$;

-- Only when the writer did not give it (a bulk load may join the directive itself).
create trigger trg_report_issuer before insert on report
    for each row when (new.issuer_unit_id is null) execute function report_issuer();

-- The review queue: a Department's submitted reports, issuer by issuer, in the order of submission.
create index ix_report_submitted_by_issuer on report (issuer_unit_id, submitted_at, id) where status = 'SUBMITTED';
