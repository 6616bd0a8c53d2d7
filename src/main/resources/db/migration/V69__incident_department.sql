-- The Department of each incident: the unit at the top of the tree above its unit, kept beside it by
-- the database (an incident added, its unit changed, a unit moved under another Department), never
-- stale. A Department's triage list reads its own open incidents in the list's order from the index
-- below and stops when the page is full. With the open incidents of every Department in one order
-- (V67), a Department's were one in 34 of the generated country's: a page walked about 850 of them,
-- looking up each one's unit, to find its 26 (twice the demo's time per request).
create function unit_department(path text) returns bigint
    language sql immutable parallel safe
as $$ select (string_to_array(trim(both '/' from path), '/'))[1]::bigint $$;

alter table incident add column department_id bigint;

update incident i set department_id = unit_department(u.path) from unit u where u.id = i.unit_id;

-- The update queued the dashboard's deferred triggers (V68) for the incidents it changed; fired now,
-- so that the table may be altered in this transaction.
set constraints all immediate;

alter table incident alter column department_id set not null;

create function incident_department_set() returns trigger
    language plpgsql
as $$
begin
    new.department_id := (select unit_department(u.path) from unit u where u.id = new.unit_id);
    return new;
end
$$;

create trigger trg_incident_department_set
    before insert or update of unit_id on incident
    for each row execute function incident_department_set();

-- A unit moved under another Department (its descendants' paths follow in a statement of their own):
-- its incidents follow it.
create function incident_department_units_moved() returns trigger
    language plpgsql
as $$
begin
    update incident i set department_id = m.department_id
    from (select n.id, unit_department(n.path) as department_id
          from after_change n join before_change o on o.id = n.id
          where unit_department(n.path) is distinct from unit_department(o.path)) as m
    where i.unit_id = m.id and i.department_id is distinct from m.department_id;
    return null;
end
$$;

create trigger trg_incident_department_units_moved
    after update on unit referencing old table as before_change new table as after_change
    for each statement execute function incident_department_units_moved();

-- The open incidents of each Department in the triage list's order; the condition is the triage
-- list's statuses, word for word, as V67's was.
drop index if exists ix_incident_triage_order;

create index ix_incident_triage_order
    on incident (department_id, (reviewer_id is null) desc, severity desc, triage_due_at, id)
    where status in ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'NEEDS_INFO', 'ESCALATED');
