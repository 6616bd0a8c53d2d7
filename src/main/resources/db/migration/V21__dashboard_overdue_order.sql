-- The oldest overdue deadlines of a large scope, read in the order of the day they were delivered or
-- due and stopping at the first few hundred; a small scope reads its units' pending facts instead.
create index ix_compliance_fact_overdue on compliance_fact (day) where not done;

-- The rebuild drops and rebuilds every index of the facts, whichever there are.
create or replace function compliance_rebuild() returns void
    language plpgsql
as $$
declare
    fact_indexes text[];
    fact_index text;
begin
    truncate compliance_unit_today, compliance_fact, compliance_day, compliance_month;
    -- loading without the indexes and building them afterwards is several times faster
    select array_agg(indexdef) into fact_indexes from pg_indexes
    where schemaname = current_schema() and tablename = 'compliance_fact' and indexname <> 'pk_compliance_fact';
    alter table compliance_fact drop constraint pk_compliance_fact;
    foreach fact_index in array coalesce(fact_indexes, '{}') loop
        execute 'drop index ' || substring(fact_index from 'INDEX (\S+) ON');
    end loop;
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
    foreach fact_index in array coalesce(fact_indexes, '{}') loop
        execute fact_index;
    end loop;
    alter table compliance_day add constraint pk_compliance_day primary key (unit_id, day, unit_type);
    alter table compliance_month add constraint pk_compliance_month primary key (unit_id, month, unit_type);
    analyze compliance_unit_today;
    analyze compliance_fact;
    analyze compliance_day;
    analyze compliance_month;
end
$$;
