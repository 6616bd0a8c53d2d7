-- The units at the top two levels of the tree (a Department and the units right under it: its district
-- offices, divisions and schools of its own) under which a directive reached a unit, in every way the
-- visibility rule counts (DirectiveAccess, ForwardedAudience): a recipient at publication, a unit it was
-- forwarded to, the unit that a unit holding one of its assignments merged into. The directive list of
-- a reader whose scope is such a unit looks its directives up here by the unit's id instead of
-- gathering what reached each unit below it (600,000 rows for a Department on four generated
-- Departments, 0.15 to 0.2 s a page; 18,500 for a district office, 24 ms). The database keeps it in the
-- statement that changes what it is made from: recipients, assignments, and a unit moved elsewhere in
-- the top two levels or merged. It is never stale.
create table directive_reach (
    unit_id      bigint not null,
    directive_id bigint not null,
    constraint pk_directive_reach primary key (unit_id, directive_id),
    constraint fk_directive_reach_directive foreign key (directive_id) references directive (id) on delete cascade
);
create index ix_directive_reach_directive on directive_reach (directive_id);

-- The units at the top two levels above or at a unit, from its path ("/12/40/77/" is under 12 and 40).
create function unit_tops(path text) returns setof bigint
    language sql immutable parallel safe
as $$ select unnest((string_to_array(trim(both '/' from path), '/')::bigint[])[1:2]) $$;

-- What the rows of the given directives make, worked out from the tables themselves.
create function directive_reach_of(directives bigint[]) returns table (unit_id bigint, directive_id bigint)
    language sql stable
as $$
    select unit_tops(u.path), r.directive_id
    from directive_recipient r join unit u on u.id = r.unit_id
    where r.directive_id = any (directives)
    union
    select unit_tops(u.path), a.directive_id
    from assignment a join unit u on u.id = a.unit_id
    where a.parent_id is not null and a.directive_id = any (directives)
    union
    select unit_tops(s.path), a.directive_id
    from assignment a join unit u on u.id = a.unit_id join unit s on s.id = u.successor_id
    where a.directive_id = any (directives)
$$;

create function directive_reach_refresh(directives bigint[]) returns void
    language plpgsql
as $$
begin
    if cardinality(directives) > 0 then
        delete from directive_reach r where r.directive_id = any (directives);
        insert into directive_reach (unit_id, directive_id)
        select o.unit_id, o.directive_id from directive_reach_of(directives) o
        on conflict do nothing;
    end if;
end
$$;

-- Recipients are written once, at publication: what they add is added in the same statement.
create function directive_reach_recipients_added() returns trigger
    language plpgsql
as $$
begin
    insert into directive_reach (unit_id, directive_id)
    select distinct unit_tops(u.path), n.directive_id from added n join unit u on u.id = n.unit_id
    on conflict do nothing;
    return null;
end
$$;

create trigger trg_directive_reach_recipients_added
    after insert on directive_recipient referencing new table as added
    for each statement execute function directive_reach_recipients_added();

create function directive_reach_assignments_added() returns trigger
    language plpgsql
as $$
begin
    insert into directive_reach (unit_id, directive_id)
    select unit_tops(u.path), n.directive_id from added n join unit u on u.id = n.unit_id
    where n.parent_id is not null
    union
    select unit_tops(s.path), n.directive_id from added n join unit u on u.id = n.unit_id
    join unit s on s.id = u.successor_id
    on conflict do nothing;
    return null;
end
$$;

create trigger trg_directive_reach_assignments_added
    after insert on assignment referencing new table as added
    for each statement execute function directive_reach_assignments_added();

-- Anything else that changes a recipient or an assignment (never done by the portal today) works the
-- directives concerned out again.
create function directive_reach_rows_removed() returns trigger
    language plpgsql
as $$
begin
    perform directive_reach_refresh(array(select distinct o.directive_id from removed o));
    return null;
end
$$;

create trigger trg_directive_reach_recipients_removed
    after delete on directive_recipient referencing old table as removed
    for each statement execute function directive_reach_rows_removed();

create trigger trg_directive_reach_assignments_removed
    after delete on assignment referencing old table as removed
    for each statement execute function directive_reach_rows_removed();

create function directive_reach_row_changed() returns trigger
    language plpgsql
as $$
begin
    perform directive_reach_refresh(array[old.directive_id, new.directive_id]);
    return null;
end
$$;

create trigger trg_directive_reach_recipient_changed
    after update of directive_id, unit_id on directive_recipient
    for each row when (old.directive_id is distinct from new.directive_id or old.unit_id is distinct from new.unit_id)
    execute function directive_reach_row_changed();

create trigger trg_directive_reach_assignment_changed
    after update of directive_id, unit_id, parent_id on assignment
    for each row when (old.directive_id is distinct from new.directive_id or old.unit_id is distinct from new.unit_id
                       or (old.parent_id is null) <> (new.parent_id is null))
    execute function directive_reach_row_changed();

-- A unit moved under other units of the top two levels (its descendants' paths follow in a statement of
-- their own) or merged into another unit: only the rows of the units of the top two levels it left or
-- joined can change, and only for the directives that reached it or a unit merged into it. Those rows
-- are worked out again from what reaches each such unit's subtree (a district office's, or for a move
-- to another Department a Department's), not from everything those directives reached: a school with
-- 391 directives moved to another district office of four generated Departments took 6.6 s so.
create function directive_reach_units_changed() returns trigger
    language plpgsql
as $$
declare
    tops bigint[];
    directives bigint[];
begin
    with changed as (
        select n.id, o.path as old_path, n.path as new_path, o.successor_id as old_successor, n.successor_id as new_successor
        from before_change o join after_change n on n.id = o.id
        where array(select unit_tops(o.path)) is distinct from array(select unit_tops(n.path))
           or o.successor_id is distinct from n.successor_id),
    moved_tops as (
        (select unit_tops(c.old_path) from changed c union select unit_tops(c.new_path) from changed c)
        except (select unit_tops(c.old_path) from changed c intersect select unit_tops(c.new_path) from changed c)),
    successor_tops as (
        (select unit_tops(s.path) from changed c join unit s on s.id in (c.old_successor, c.new_successor)
         where c.old_successor is distinct from c.new_successor))
    select array(select * from moved_tops union select * from successor_tops),
           array(select r.directive_id from directive_recipient r where r.unit_id in (select id from changed)
                 union
                 select a.directive_id from assignment a where a.unit_id in (select id from changed)
                 union
                 select a.directive_id from assignment a join unit m on m.id = a.unit_id
                 where m.successor_id in (select id from changed))
    into tops, directives;
    if cardinality(tops) = 0 or cardinality(directives) = 0 then
        return null;
    end if;
    delete from directive_reach r where r.unit_id = any (tops) and r.directive_id = any (directives);
    insert into directive_reach (unit_id, directive_id)
    select t.id, x.directive_id
    from unit t cross join lateral (
        select r.directive_id from unit vu join directive_recipient r on r.unit_id = vu.id
        where vu.path ~>=~ t.path and vu.path ~<~ (left(t.path, -1) || '0') and r.directive_id = any (directives)
        union
        select a.directive_id from unit vu join assignment a on a.unit_id = vu.id
        where vu.path ~>=~ t.path and vu.path ~<~ (left(t.path, -1) || '0') and a.parent_id is not null
          and a.directive_id = any (directives)
        union
        select a.directive_id from unit vs join unit vu on vu.successor_id = vs.id join assignment a on a.unit_id = vu.id
        where vs.path ~>=~ t.path and vs.path ~<~ (left(t.path, -1) || '0') and a.directive_id = any (directives)) as x
    where t.id = any (tops) and t.id in (select unit_tops(t.path))
    on conflict do nothing;
    return null;
end
$$;

create trigger trg_directive_reach_units_changed
    after update on unit referencing old table as before_change new table as after_change
    for each statement execute function directive_reach_units_changed();

insert into directive_reach (unit_id, directive_id)
select unit_tops(u.path), r.directive_id from directive_recipient r join unit u on u.id = r.unit_id
union
select unit_tops(u.path), a.directive_id from assignment a join unit u on u.id = a.unit_id
where a.parent_id is not null
union
select unit_tops(s.path), a.directive_id from assignment a join unit u on u.id = a.unit_id
join unit s on s.id = u.successor_id;
