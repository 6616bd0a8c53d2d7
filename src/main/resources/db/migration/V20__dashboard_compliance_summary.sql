-- The dashboard's summary of compliance, kept exact by the database in the same transaction
-- as every change it depends on (no refresh job, nothing stale):
--   compliance_unit_today  each unit and the unit it counts under today (itself, or the last
--                          successor of a merge);
--   compliance_fact        what each assignment owes: its acknowledgement (by the day it was
--                          delivered) and each report period (by its deadline), done or not, on
--                          time or not, accepted or not; under the unit it counts under today;
--   compliance_day/_month  those facts summed for every unit over its whole subtree (the unit
--                          and everything below it today), by day and by month, and by the type
--                          of the unit the facts belong to.
-- The dashboard of a unit reads a few thousand summary rows instead of every assignment below
-- it. Days are Việt Nam days (Asia/Ho_Chi_Minh), the portal's time zone.
--
-- Definitions (domain.md §5): only published directives count, withdrawn assignments do not;
-- an acknowledgement or report made late is done, not on time. The report periods are those of
-- the delivery module's ReportPeriods: one for a one-off report (the assignment's own deadline
-- when an office set one), one per month, quarter or semester up to the schedule's end (at most
-- 120), or one per deadline of the tasks that ask for a report.

create table compliance_unit_today (
    unit_id    bigint not null,
    current_id bigint not null,
    constraint pk_compliance_unit_today primary key (unit_id),
    constraint fk_compliance_unit_today_unit foreign key (unit_id) references unit (id),
    constraint fk_compliance_unit_today_current foreign key (current_id) references unit (id)
);
create index ix_compliance_unit_today_current on compliance_unit_today (current_id);

create table compliance_fact (
    assignment_id bigint      not null,
    kind          char(1)     not null,
    day           date        not null,
    deadline      date,
    directive_id  bigint      not null,
    unit_id       bigint      not null,
    unit_type     varchar(30) not null,
    done          boolean     not null,
    on_time       boolean     not null,
    accepted      boolean     not null,
    constraint pk_compliance_fact primary key (assignment_id, kind, day),
    constraint ck_compliance_fact_kind check (kind in ('A', 'R'))
);
create index ix_compliance_fact_unit on compliance_fact (unit_id);
create index ix_compliance_fact_directive on compliance_fact (directive_id);
create index ix_compliance_fact_pending on compliance_fact (unit_id, day) where not done;

-- The incidents of a unit by the time they were submitted, for the dashboard's incident figures.
create index ix_incident_unit_submitted on incident (unit_id, submitted_at) where status <> 'DRAFT';

create table compliance_day (
    unit_id       bigint      not null,
    day           date        not null,
    unit_type     varchar(30) not null,
    ack_expected  int         not null,
    ack_done      int         not null,
    ack_on_time   int         not null,
    rep_expected  int         not null,
    rep_submitted int         not null,
    rep_on_time   int         not null,
    rep_accepted  int         not null,
    constraint pk_compliance_day primary key (unit_id, day, unit_type)
);

create table compliance_month (like compliance_day);
alter table compliance_month rename column day to month;
alter table compliance_month add constraint pk_compliance_month primary key (unit_id, month, unit_type);

-- The unit a unit counts under today: the end of its chain of successors.
create function compliance_current_unit(start_id bigint) returns bigint
    language sql stable
as $$
    with recursive chain(id, successor_id, depth) as (
        select id, successor_id, 0 from unit where id = start_id
        union all
        select u.id, u.successor_id, c.depth + 1 from unit u join chain c on u.id = c.successor_id
        where c.depth < 100
    )
    select id from chain order by depth desc limit 1
$$;

-- The facts as they are now, computed from the assignments, directives, tasks and reports.
-- Filtered by assignment_id, the filter reaches both halves.
create view compliance_fact_source as
select a.id as assignment_id, 'A'::char(1) as kind, (a.delivered_at at time zone 'Asia/Ho_Chi_Minh')::date as day,
       a.acknowledge_by as deadline, a.directive_id, t.current_id as unit_id, cu.type as unit_type,
       a.acknowledged_at is not null as done,
       coalesce(a.acknowledged_at is not null and not a.acknowledged_late, false) as on_time, false as accepted
from assignment a
join directive d on d.id = a.directive_id and d.status = 'PUBLISHED'
join compliance_unit_today t on t.unit_id = a.unit_id
join unit cu on cu.id = t.current_id
where a.withdrawn_at is null
union all
select a.id, 'R'::char(1), p.due, p.due, a.directive_id, t.current_id, cu.type, rp.submitted_at is not null,
       coalesce(rp.submitted_at is not null and not rp.submitted_late, false), coalesce(rp.status = 'ACCEPTED', false)
from assignment a
join directive d on d.id = a.directive_id and d.status = 'PUBLISHED'
join compliance_unit_today t on t.unit_id = a.unit_id
join unit cu on cu.id = t.current_id
cross join lateral (
    select coalesce(a.due_on, d.report_due) as due where d.report_schedule = 'ONCE'
    union all
    select (d.report_due + make_interval(months => g * m.step))::date
    from (select case d.report_schedule when 'MONTHLY' then 1 when 'QUARTERLY' then 3 else 6 end as step) as m,
         generate_series(0, least(119, ((extract(year from age(coalesce(d.report_until, d.report_due), d.report_due)) * 12
                                        + extract(month from age(coalesce(d.report_until, d.report_due), d.report_due)))
                                        / m.step)::int)) as g
    where d.report_schedule in ('MONTHLY', 'QUARTERLY', 'SEMESTER') and d.report_due is not null
      and (d.report_due + make_interval(months => g * m.step))::date <= coalesce(d.report_until, d.report_due)
    union
    select t.report_due from directive_task t
    where d.report_schedule = 'NONE' and t.directive_id = d.id and t.report_required and t.report_due is not null
) as p
left join report rp on rp.assignment_id = a.id and rp.period_due = p.due
where a.withdrawn_at is null and a.role = 'IMPLEMENT' and p.due is not null;

-- Adds (sign 1) or takes away (sign -1) facts from the summaries of every unit above and at the
-- unit they count under, by day and by month; the rows in key order, so that concurrent
-- changes lock them in the same order.
create function compliance_apply(facts compliance_fact[], direction int) returns void
    language plpgsql
as $$
begin
    insert into compliance_day as s (unit_id, day, unit_type, ack_expected, ack_done, ack_on_time, rep_expected,
                                     rep_submitted, rep_on_time, rep_accepted)
    select x.unit_id, x.day, x.unit_type, direction * sum(x.a), direction * sum(x.ad), direction * sum(x.ao),
           direction * sum(x.r), direction * sum(x.rd), direction * sum(x.ro), direction * sum(x.ra)
    from (
        select anc.id::bigint as unit_id, f.day, f.unit_type, (f.kind = 'A')::int as a,
               (f.kind = 'A' and f.done)::int as ad, (f.kind = 'A' and f.on_time)::int as ao, (f.kind = 'R')::int as r,
               (f.kind = 'R' and f.done)::int as rd, (f.kind = 'R' and f.on_time)::int as ro,
               (f.kind = 'R' and f.accepted)::int as ra
        from unnest(facts) as f
        join unit cu on cu.id = f.unit_id
        cross join unnest(string_to_array(trim(both '/' from cu.path), '/')) as anc(id)
    ) as x
    group by x.unit_id, x.day, x.unit_type
    order by x.unit_id, x.day, x.unit_type
    on conflict (unit_id, day, unit_type) do update
    set ack_expected = s.ack_expected + excluded.ack_expected, ack_done = s.ack_done + excluded.ack_done,
        ack_on_time = s.ack_on_time + excluded.ack_on_time, rep_expected = s.rep_expected + excluded.rep_expected,
        rep_submitted = s.rep_submitted + excluded.rep_submitted, rep_on_time = s.rep_on_time + excluded.rep_on_time,
        rep_accepted = s.rep_accepted + excluded.rep_accepted;

    insert into compliance_month as s (unit_id, month, unit_type, ack_expected, ack_done, ack_on_time, rep_expected,
                                       rep_submitted, rep_on_time, rep_accepted)
    select x.unit_id, x.month, x.unit_type, direction * sum(x.a), direction * sum(x.ad), direction * sum(x.ao),
           direction * sum(x.r), direction * sum(x.rd), direction * sum(x.ro), direction * sum(x.ra)
    from (
        select anc.id::bigint as unit_id, date_trunc('month', f.day)::date as month, f.unit_type,
               (f.kind = 'A')::int as a, (f.kind = 'A' and f.done)::int as ad, (f.kind = 'A' and f.on_time)::int as ao,
               (f.kind = 'R')::int as r, (f.kind = 'R' and f.done)::int as rd, (f.kind = 'R' and f.on_time)::int as ro,
               (f.kind = 'R' and f.accepted)::int as ra
        from unnest(facts) as f
        join unit cu on cu.id = f.unit_id
        cross join unnest(string_to_array(trim(both '/' from cu.path), '/')) as anc(id)
    ) as x
    group by x.unit_id, x.month, x.unit_type
    order by x.unit_id, x.month, x.unit_type
    on conflict (unit_id, month, unit_type) do update
    set ack_expected = s.ack_expected + excluded.ack_expected, ack_done = s.ack_done + excluded.ack_done,
        ack_on_time = s.ack_on_time + excluded.ack_on_time, rep_expected = s.rep_expected + excluded.rep_expected,
        rep_submitted = s.rep_submitted + excluded.rep_submitted, rep_on_time = s.rep_on_time + excluded.rep_on_time,
        rep_accepted = s.rep_accepted + excluded.rep_accepted;
end
$$;

-- Recomputes the facts of some assignments: what they contributed leaves the summaries, what
-- they contribute now enters them. The assignments are locked first, so two transactions
-- refreshing the same assignment take turns and the second sees the first's facts.
create function compliance_refresh(ids bigint[]) returns void
    language plpgsql
as $$
declare
    old_facts compliance_fact[];
    new_facts compliance_fact[];
begin
    if ids is null or cardinality(ids) = 0 or current_setting('portal.compliance_deferred', true) = 'on' then
        return;
    end if;
    perform 1 from assignment where id = any(ids) order by id for update;
    with gone as (delete from compliance_fact f where f.assignment_id = any(ids) returning f)
    select array_agg(gone.f) into old_facts from gone;
    with made as (
        insert into compliance_fact as f (assignment_id, kind, day, deadline, directive_id, unit_id, unit_type, done,
                                          on_time, accepted)
        select assignment_id, kind, day, deadline, directive_id, unit_id, unit_type, done, on_time, accepted
        from compliance_fact_source where assignment_id = any(ids)
        returning f
    )
    select array_agg(made.f) into new_facts from made;
    if old_facts is not null then
        perform compliance_apply(old_facts, -1);
    end if;
    if new_facts is not null then
        perform compliance_apply(new_facts, 1);
    end if;
end
$$;

-- Everything again from the base tables: for this migration and after a bulk load made with
-- portal.compliance_deferred = on.
create function compliance_rebuild() returns void
    language plpgsql
as $$
begin
    truncate compliance_unit_today, compliance_fact, compliance_day, compliance_month;
    -- loading without the indexes and building them afterwards is several times faster
    alter table compliance_fact drop constraint pk_compliance_fact;
    drop index ix_compliance_fact_unit, ix_compliance_fact_directive, ix_compliance_fact_pending;
    alter table compliance_day drop constraint pk_compliance_day;
    alter table compliance_month drop constraint pk_compliance_month;
    insert into compliance_unit_today (unit_id, current_id)
    with recursive today_unit(id, current_id, depth) as (
        select id, id, 0 from unit where successor_id is null
        union all
        select u.id, t.current_id, t.depth + 1 from unit u join today_unit t on u.successor_id = t.id
        where t.depth < 100
    )
    select id, current_id from today_unit;
    insert into compliance_fact (assignment_id, kind, day, deadline, directive_id, unit_id, unit_type, done, on_time,
                                 accepted)
    select assignment_id, kind, day, deadline, directive_id, unit_id, unit_type, done, on_time, accepted
    from compliance_fact_source;
    insert into compliance_day (unit_id, day, unit_type, ack_expected, ack_done, ack_on_time, rep_expected,
                                rep_submitted, rep_on_time, rep_accepted)
    select anc.id::bigint, f.day, f.unit_type, count(*) filter (where f.kind = 'A'),
           count(*) filter (where f.kind = 'A' and f.done), count(*) filter (where f.kind = 'A' and f.on_time),
           count(*) filter (where f.kind = 'R'), count(*) filter (where f.kind = 'R' and f.done),
           count(*) filter (where f.kind = 'R' and f.on_time), count(*) filter (where f.kind = 'R' and f.accepted)
    from compliance_fact f join unit cu on cu.id = f.unit_id
    cross join unnest(string_to_array(trim(both '/' from cu.path), '/')) as anc(id)
    group by 1, 2, 3;
    insert into compliance_month (unit_id, month, unit_type, ack_expected, ack_done, ack_on_time, rep_expected,
                                  rep_submitted, rep_on_time, rep_accepted)
    select unit_id, date_trunc('month', day)::date, unit_type, sum(ack_expected), sum(ack_done), sum(ack_on_time),
           sum(rep_expected), sum(rep_submitted), sum(rep_on_time), sum(rep_accepted)
    from compliance_day group by 1, 2, 3;
    alter table compliance_fact add constraint pk_compliance_fact primary key (assignment_id, kind, day);
    create index ix_compliance_fact_unit on compliance_fact (unit_id);
    create index ix_compliance_fact_directive on compliance_fact (directive_id);
    create index ix_compliance_fact_pending on compliance_fact (unit_id, day) where not done;
    alter table compliance_day add constraint pk_compliance_day primary key (unit_id, day, unit_type);
    alter table compliance_month add constraint pk_compliance_month primary key (unit_id, month, unit_type);
    analyze compliance_unit_today;
    analyze compliance_fact;
    analyze compliance_day;
    analyze compliance_month;
end
$$;

-- Assignments: a change to what counts refreshes them (reading them or forwarding does not).
create function compliance_assignment_inserted() returns trigger
    language plpgsql
as $$
begin
    if current_setting('portal.compliance_deferred', true) = 'on' then
        return null;
    end if;
    perform compliance_refresh((select array_agg(id) from new_rows));
    return null;
end
$$;

create function compliance_assignment_updated() returns trigger
    language plpgsql
as $$
begin
    if current_setting('portal.compliance_deferred', true) = 'on' then
        return null;
    end if;
    perform compliance_refresh((
        select array_agg(n.id) from new_rows n join old_rows o on o.id = n.id
        where (n.directive_id, n.unit_id, n.role, n.delivered_at, n.acknowledged_at, n.acknowledged_late, n.due_on,
               n.acknowledge_by, n.withdrawn_at)
              is distinct from (o.directive_id, o.unit_id, o.role, o.delivered_at, o.acknowledged_at,
                                o.acknowledged_late, o.due_on, o.acknowledge_by, o.withdrawn_at)));
    return null;
end
$$;

create function compliance_assignment_deleted() returns trigger
    language plpgsql
as $$
declare
    old_facts compliance_fact[];
begin
    if current_setting('portal.compliance_deferred', true) = 'on' then
        return null;
    end if;
    with gone as (delete from compliance_fact f where f.assignment_id in (select id from old_rows) returning f)
    select array_agg(gone.f) into old_facts from gone;
    if old_facts is not null then
        perform compliance_apply(old_facts, -1);
    end if;
    return null;
end
$$;

create trigger trg_compliance_assignment_inserted after insert on assignment
    referencing new table as new_rows for each statement execute function compliance_assignment_inserted();
create trigger trg_compliance_assignment_updated after update on assignment
    referencing new table as new_rows old table as old_rows
    for each statement execute function compliance_assignment_updated();
create trigger trg_compliance_assignment_deleted after delete on assignment
    referencing old table as old_rows for each statement execute function compliance_assignment_deleted();

-- Reports: submitting, returning, accepting (or a period moving) refreshes the assignment.
create function compliance_report_changed() returns trigger
    language plpgsql
as $$
begin
    if current_setting('portal.compliance_deferred', true) = 'on' then
        return null;
    end if;
    if tg_op = 'INSERT' then
        perform compliance_refresh((select array_agg(distinct assignment_id) from new_rows));
    elsif tg_op = 'DELETE' then
        perform compliance_refresh((select array_agg(distinct assignment_id) from old_rows));
    else
        perform compliance_refresh((
            select array_agg(distinct x.assignment_id) from (
                select n.assignment_id from new_rows n join old_rows o on o.id = n.id
                where (n.assignment_id, n.period_due, n.status, n.submitted_at, n.submitted_late)
                      is distinct from (o.assignment_id, o.period_due, o.status, o.submitted_at, o.submitted_late)
                union
                select o.assignment_id from new_rows n join old_rows o on o.id = n.id
                where n.assignment_id <> o.assignment_id
            ) as x));
    end if;
    return null;
end
$$;

create trigger trg_compliance_report_inserted after insert on report
    referencing new table as new_rows for each statement execute function compliance_report_changed();
create trigger trg_compliance_report_updated after update on report
    referencing new table as new_rows old table as old_rows
    for each statement execute function compliance_report_changed();
create trigger trg_compliance_report_deleted after delete on report
    referencing old table as old_rows for each statement execute function compliance_report_changed();

-- Directives: publishing, recalling, or a new report plan refreshes all their assignments.
create function compliance_directive_updated() returns trigger
    language plpgsql
as $$
begin
    if current_setting('portal.compliance_deferred', true) = 'on' then
        return null;
    end if;
    perform compliance_refresh((
        select array_agg(a.id) from assignment a
        where a.directive_id in (
            select n.id from new_rows n join old_rows o on o.id = n.id
            where (n.status, n.report_schedule, n.report_due, n.report_until)
                  is distinct from (o.status, o.report_schedule, o.report_due, o.report_until))));
    return null;
end
$$;

create trigger trg_compliance_directive_updated after update on directive
    referencing new table as new_rows old table as old_rows
    for each statement execute function compliance_directive_updated();

-- Tasks: their report deadlines are the periods of a directive without a schedule.
create function compliance_task_changed() returns trigger
    language plpgsql
as $$
begin
    if current_setting('portal.compliance_deferred', true) = 'on' then
        return null;
    end if;
    if tg_op = 'INSERT' then
        perform compliance_refresh((select array_agg(a.id) from assignment a
                                    where a.directive_id in (select directive_id from new_rows)));
    elsif tg_op = 'DELETE' then
        perform compliance_refresh((select array_agg(a.id) from assignment a
                                    where a.directive_id in (select directive_id from old_rows)));
    else
        perform compliance_refresh((
            select array_agg(a.id) from assignment a
            where a.directive_id in (
                select n.directive_id from new_rows n
                left join old_rows o on o.directive_id = n.directive_id and o.position = n.position
                where (n.report_required, n.report_due) is distinct from (o.report_required, o.report_due)
                union
                select o.directive_id from old_rows o
                left join new_rows n on n.directive_id = o.directive_id and n.position = o.position
                where n.directive_id is null)));
    end if;
    return null;
end
$$;

create trigger trg_compliance_task_inserted after insert on directive_task
    referencing new table as new_rows for each statement execute function compliance_task_changed();
create trigger trg_compliance_task_updated after update on directive_task
    referencing new table as new_rows old table as old_rows
    for each statement execute function compliance_task_changed();
create trigger trg_compliance_task_deleted after delete on directive_task
    referencing old table as old_rows for each statement execute function compliance_task_changed();

-- Units. A new unit counts under itself (or its successor's chain, when it comes merged).
create function compliance_unit_inserted() returns trigger
    language plpgsql
as $$
begin
    insert into compliance_unit_today (unit_id, current_id)
    select n.id, case when n.successor_id is null then n.id else compliance_current_unit(n.successor_id) end
    from new_rows n;
    return null;
end
$$;

create trigger trg_compliance_unit_inserted after insert on unit
    referencing new table as new_rows for each statement execute function compliance_unit_inserted();

-- A unit moved: its subtree's summary leaves every unit above it and enters those above its
-- new place. What lies below it does not change.
create function compliance_unit_moved() returns trigger
    language plpgsql
as $$
begin
    if current_setting('portal.compliance_deferred', true) = 'on' then
        return null;
    end if;
    insert into compliance_day as s (unit_id, day, unit_type, ack_expected, ack_done, ack_on_time, rep_expected,
                                     rep_submitted, rep_on_time, rep_accepted)
    select anc.id, m.day, m.unit_type, sum(anc.sign * m.ack_expected), sum(anc.sign * m.ack_done),
           sum(anc.sign * m.ack_on_time), sum(anc.sign * m.rep_expected), sum(anc.sign * m.rep_submitted),
           sum(anc.sign * m.rep_on_time), sum(anc.sign * m.rep_accepted)
    from compliance_day m
    cross join (
        select x::bigint as id, -1 as sign from unnest(string_to_array(trim(both '/' from old.path), '/')) as x
        where x::bigint <> new.id
        union all
        select x::bigint, 1 from unnest(string_to_array(trim(both '/' from new.path), '/')) as x
        where x::bigint <> new.id
    ) as anc
    where m.unit_id = new.id
    group by anc.id, m.day, m.unit_type
    order by anc.id, m.day, m.unit_type
    on conflict (unit_id, day, unit_type) do update
    set ack_expected = s.ack_expected + excluded.ack_expected, ack_done = s.ack_done + excluded.ack_done,
        ack_on_time = s.ack_on_time + excluded.ack_on_time, rep_expected = s.rep_expected + excluded.rep_expected,
        rep_submitted = s.rep_submitted + excluded.rep_submitted, rep_on_time = s.rep_on_time + excluded.rep_on_time,
        rep_accepted = s.rep_accepted + excluded.rep_accepted;

    insert into compliance_month as s (unit_id, month, unit_type, ack_expected, ack_done, ack_on_time, rep_expected,
                                       rep_submitted, rep_on_time, rep_accepted)
    select anc.id, m.month, m.unit_type, sum(anc.sign * m.ack_expected), sum(anc.sign * m.ack_done),
           sum(anc.sign * m.ack_on_time), sum(anc.sign * m.rep_expected), sum(anc.sign * m.rep_submitted),
           sum(anc.sign * m.rep_on_time), sum(anc.sign * m.rep_accepted)
    from compliance_month m
    cross join (
        select x::bigint as id, -1 as sign from unnest(string_to_array(trim(both '/' from old.path), '/')) as x
        where x::bigint <> new.id
        union all
        select x::bigint, 1 from unnest(string_to_array(trim(both '/' from new.path), '/')) as x
        where x::bigint <> new.id
    ) as anc
    where m.unit_id = new.id
    group by anc.id, m.month, m.unit_type
    order by anc.id, m.month, m.unit_type
    on conflict (unit_id, month, unit_type) do update
    set ack_expected = s.ack_expected + excluded.ack_expected, ack_done = s.ack_done + excluded.ack_done,
        ack_on_time = s.ack_on_time + excluded.ack_on_time, rep_expected = s.rep_expected + excluded.rep_expected,
        rep_submitted = s.rep_submitted + excluded.rep_submitted, rep_on_time = s.rep_on_time + excluded.rep_on_time,
        rep_accepted = s.rep_accepted + excluded.rep_accepted;
    return null;
end
$$;

create trigger trg_compliance_unit_moved after update of parent_id on unit
    for each row when (old.path is distinct from new.path) execute function compliance_unit_moved();

-- A unit merged (or its successor changed): it and every unit merged into it before count
-- under the successor's chain now, and so do their assignments. A unit whose type changed:
-- its facts count under its new type.
create function compliance_unit_updated() returns trigger
    language plpgsql
as $$
declare
    merged bigint[];
begin
    with recursive changed as (
        select n.id, n.successor_id from new_rows n join old_rows o on o.id = n.id
        where n.successor_id is distinct from o.successor_id
    ),
    predecessors(id, depth) as (
        select id, 0 from changed
        union all
        select u.id, p.depth + 1 from unit u join predecessors p on u.successor_id = p.id where p.depth < 100
    ),
    moved as (
        update compliance_unit_today t set current_id = compliance_current_unit(t.unit_id)
        where t.unit_id in (select id from predecessors)
        returning t.unit_id
    )
    select array_agg(unit_id) into merged from moved;
    if current_setting('portal.compliance_deferred', true) = 'on' then
        return null;
    end if;
    perform compliance_refresh((select array_agg(a.id) from assignment a where a.unit_id = any(merged)));
    perform compliance_refresh((
        select array_agg(distinct f.assignment_id) from compliance_fact f
        where f.unit_id in (select n.id from new_rows n join old_rows o on o.id = n.id where n.type <> o.type)));
    return null;
end
$$;

create trigger trg_compliance_unit_updated after update on unit
    referencing new table as new_rows old table as old_rows
    for each statement execute function compliance_unit_updated();

select compliance_rebuild();
