-- A third number beside the dashboard's (V57) and its incident figures' (V60): it moves whenever
-- anything changes that the incident figures read of the incidents submitted before the start of
-- the previous month (UTC), which this file calls settled, or anything else they read (the units
-- and where each counts today). A change to an incident submitted since, or not yet submitted,
-- moves the incident figures' number alone. The portal keeps the figures of a period's settled
-- incidents under this number, so that the first view after a change to a recent incident (by far
-- the most frequent: one is reported, triaged, worked on, closed) works out the recent incidents
-- alone, not five years of them.
--
-- Which incidents are settled is decided when the change commits, by the clock then: a change
-- whose transaction began before the start of a month is still judged by the month it commits in,
-- so that figures worked out in between (for the new month) cannot miss it. A change to a settled
-- incident is queued once a transaction; any other change to an incident is queued for each row and
-- judged at commit, so that none is taken for recent that the clock at commit calls settled. Each
-- number is moved at most once a transaction.

alter table dashboard_version add column incidents_settled uuid not null default gen_random_uuid();

-- Where the settled incidents end: the start of the month before the one of the moment given, UTC.
create function dashboard_incidents_settled_before(at timestamptz) returns timestamptz
    language sql immutable parallel safe
as $$
    select date_trunc('month', (at at time zone 'UTC') - interval '1 month') at time zone 'UTC'
$$;

-- Whether an incident submitted at either moment (before and after a change; null when none) is
-- settled by the clock now.
create function dashboard_incident_settled(submitted_before timestamptz, submitted_after timestamptz) returns boolean
    language sql volatile
as $$
    select coalesce(submitted_before < dashboard_incidents_settled_before(clock_timestamp()), false)
        or coalesce(submitted_after < dashboard_incidents_settled_before(clock_timestamp()), false)
$$;

-- A change to what every incident figure reads (the units, where each counts today): queued once
-- a transaction, it moves both numbers.
create or replace function dashboard_incidents_first_change() returns boolean
    language plpgsql
as $$
begin
    if current_setting('portal.dashboard_incidents_settled_changed', true) = 'yes' then
        return false;
    end if;
    perform set_config('portal.dashboard_incidents_settled_changed', 'yes', true);
    return true;
end
$$;

create or replace function dashboard_incidents_version_move() returns trigger
    language plpgsql
as $$
begin
    perform set_config('portal.dashboard_incidents_settled_changed', 'yes', true);
    perform set_config('portal.dashboard_incidents_settled_moved', 'yes', true);
    update dashboard_version set incidents = gen_random_uuid(), incidents_settled = gen_random_uuid() where id;
    return null;
end
$$;

-- A change to an incident: not queued once a change that moves both numbers is.
create function dashboard_incident_change_queued(submitted_before timestamptz, submitted_after timestamptz)
    returns boolean
    language plpgsql
as $$
begin
    if dashboard_incident_settled(submitted_before, submitted_after) then
        return dashboard_incidents_first_change();
    end if;
    return coalesce(current_setting('portal.dashboard_incidents_settled_changed', true), '') <> 'yes';
end
$$;

create function dashboard_incident_version_move() returns trigger
    language plpgsql
as $$
declare
    settled boolean := dashboard_incident_settled(case when tg_op <> 'INSERT' then old.submitted_at end,
                                                  case when tg_op <> 'DELETE' then new.submitted_at end);
begin
    if current_setting('portal.dashboard_incidents_settled_moved', true) = 'yes' then
        return null;
    end if;
    if settled then
        perform set_config('portal.dashboard_incidents_settled_moved', 'yes', true);
        update dashboard_version set incidents = gen_random_uuid(), incidents_settled = gen_random_uuid() where id;
    elsif coalesce(current_setting('portal.dashboard_incidents_moved', true), '') <> 'yes' then
        perform set_config('portal.dashboard_incidents_moved', 'yes', true);
        update dashboard_version set incidents = gen_random_uuid() where id;
    end if;
    return null;
end
$$;

drop trigger dashboard_incidents_version_on_change on incident;
drop trigger dashboard_incidents_version_on_update on incident;

create constraint trigger dashboard_incidents_version_on_change after insert or delete on incident
    deferrable initially deferred for each row
    when (dashboard_incident_change_queued(null, null))
    execute function dashboard_incident_version_move();

create constraint trigger dashboard_incidents_version_on_update after update on incident
    deferrable initially deferred for each row
    when (case when old is distinct from new
               then dashboard_incident_change_queued(old.submitted_at, new.submitted_at) else false end)
    execute function dashboard_incident_version_move();
