-- A number that moves whenever anything the dashboard reads has changed, in the same transaction
-- as the change: the portal keeps a dashboard it has worked out under this number, and reads the
-- number again (one row) before it shows one, so that a kept dashboard is never out of date, on
-- this instance or any other. The number is drawn at random (a UUID) at each change, never drawn
-- twice: one number stands for one state only, even after a restore from a dump or to a point in
-- time, or a failover to a replica that had not received the last transactions (the number restored
-- is that of the state restored; a transaction id, by contrast, would be given again there).
--
-- Each table the dashboard reads has a trigger that, at the first row a transaction changes in any
-- of them, queues one deferred event; the event moves the number when the transaction commits.
-- Moving it at commit, after every other lock the transaction takes, keeps the row's lock short
-- and in the same place for everyone (no deadlock with the summaries' rows); a transaction that
-- changes a thousand rows moves it once. An update that leaves a row as it was moves nothing (the
-- row is compared before the transaction is marked, hence the case).

create table dashboard_version (
    id      boolean not null default true,
    version uuid    not null,
    constraint pk_dashboard_version primary key (id),
    constraint ck_dashboard_version_one_row check (id)
);
insert into dashboard_version (id, version) values (true, gen_random_uuid());

-- True at the first change of a transaction to what the dashboard reads, false after it; the
-- mark lasts until the transaction ends (and goes with a savepoint rolled back, as the event).
create function dashboard_first_change() returns boolean
    language plpgsql
as $$
begin
    if current_setting('portal.dashboard_changed', true) = 'yes' then
        return false;
    end if;
    perform set_config('portal.dashboard_changed', 'yes', true);
    return true;
end
$$;

-- Called at commit for a transaction's first change, and at once when a whole table is emptied
-- (never done by the portal; the transaction is marked then too, so that it keeps nothing it reads).
create function dashboard_version_move() returns trigger
    language plpgsql
as $$
begin
    perform set_config('portal.dashboard_changed', 'yes', true);
    update dashboard_version set version = gen_random_uuid() where id;
    return null;
end
$$;

do $$
declare
    watched text;
begin
    foreach watched in array array['unit', 'assignment', 'directive', 'report', 'report_resemblance', 'incident',
                                   'incident_request', 'compliance_unit_today', 'compliance_fact', 'compliance_day',
                                   'compliance_month']
    loop
        execute format('create constraint trigger dashboard_version_on_change after insert or delete on %I '
                       'deferrable initially deferred for each row when (dashboard_first_change()) '
                       'execute function dashboard_version_move()', watched);
        execute format('create constraint trigger dashboard_version_on_update after update on %I '
                       'deferrable initially deferred for each row '
                       'when (case when old is distinct from new then dashboard_first_change() else false end) '
                       'execute function dashboard_version_move()', watched);
        execute format('create trigger dashboard_version_on_truncate after truncate on %I '
                       'for each statement execute function dashboard_version_move()', watched);
    end loop;
end
$$;
