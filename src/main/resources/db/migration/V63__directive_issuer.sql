-- The units that have issued a directive (a draft included): a Department's lists ask which
-- directives its units issued, and found them by looking every unit of the Department up as an
-- issuer (on the generated country, 1,590 units for the one that issues: 3,200 index pages read
-- for a Department officer's directive list, as many for the review queue's submitted reports).
-- A directive's issuer is its drafter's Department and is never changed; a unit stays here once it
-- has issued one, which is what the lists need (a superset of the issuers; the lists still test
-- each directive's own issuer).
create table directive_issuer (
    unit_id bigint not null,
    constraint pk_directive_issuer primary key (unit_id),
    constraint fk_directive_issuer_unit foreign key (unit_id) references unit (id)
);
insert into directive_issuer (unit_id) select distinct issuer_unit_id from directive;

-- Kept in the statement that writes the directive, so that no list misses its issuer.
create function directive_issuer_add() returns trigger
    language plpgsql
as $$
begin
    insert into directive_issuer (unit_id)
    select distinct n.issuer_unit_id from new_rows n
    on conflict (unit_id) do nothing;
    return null;
end
$$;

create trigger trg_directive_issuer_inserted after insert on directive
    referencing new table as new_rows for each statement execute function directive_issuer_add();
create trigger trg_directive_issuer_updated after update on directive
    referencing new table as new_rows for each statement execute function directive_issuer_add();
