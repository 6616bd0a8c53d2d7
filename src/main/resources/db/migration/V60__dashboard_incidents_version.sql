-- A second number beside the dashboard's (V57), for the incident figures alone: it moves whenever
-- anything the incident figures read has changed (the incidents, the units and where each counts
-- today), in the same transaction as the change. The portal keeps a dashboard's incident figures
-- under this number, so that the first view after an acknowledgement or a report (by far the most
-- frequent changes) works out the compliance figures again but not five years of incidents; a change
-- to an incident still moves both numbers (the dashboard's other figures read the incidents too).
-- Drawn at random at each change, like the dashboard's, so that one number stands for one state.
--
-- The mark of the transaction's first change is its own (a transaction that changed a report first
-- has set the dashboard's mark, and an incident it changes next must still move this number).

alter table dashboard_version add column incidents uuid not null default gen_random_uuid();

create function dashboard_incidents_first_change() returns boolean
    language plpgsql
as $$
begin
    if current_setting('portal.dashboard_incidents_changed', true) = 'yes' then
        return false;
    end if;
    perform set_config('portal.dashboard_incidents_changed', 'yes', true);
    return true;
end
$$;

create function dashboard_incidents_version_move() returns trigger
    language plpgsql
as $$
begin
    perform set_config('portal.dashboard_incidents_changed', 'yes', true);
    update dashboard_version set incidents = gen_random_uuid() where id;
    return null;
end
$$;

do $$
declare
    watched text;
begin
    foreach watched in array array['unit', 'compliance_unit_today', 'incident']
    loop
        execute format('create constraint trigger dashboard_incidents_version_on_change after insert or delete on %I '
                       'deferrable initially deferred for each row when (dashboard_incidents_first_change()) '
                       'execute function dashboard_incidents_version_move()', watched);
        execute format('create constraint trigger dashboard_incidents_version_on_update after update on %I '
                       'deferrable initially deferred for each row '
                       'when (case when old is distinct from new then dashboard_incidents_first_change() else false end) '
                       'execute function dashboard_incidents_version_move()', watched);
        execute format('create trigger dashboard_incidents_version_on_truncate after truncate on %I '
                       'for each statement execute function dashboard_incidents_version_move()', watched);
    end loop;
end
$$;
