-- The issuer of each directive that reached a unit of the top two levels, kept beside it, so that the
-- directive list of a Department or a district office offers its issuers in its filter from the index
-- of this table alone, without reading every directive that reached it (1,974 on the generated
-- province, all of them read for every page). A directive's issuer is set when it is drafted; a row
-- here exists only for a published (or later recalled) directive, whose recipients are written at
-- publication.
alter table directive_reach add column issuer_unit_id bigint;

update directive_reach r set issuer_unit_id = d.issuer_unit_id from directive d where d.id = r.directive_id;

alter table directive_reach alter column issuer_unit_id set not null;

-- Every statement that adds rows here (the triggers of V59) gives the unit and the directive alone.
create function directive_reach_issuer() returns trigger
    language plpgsql
as $$
begin
    select d.issuer_unit_id into new.issuer_unit_id from directive d where d.id = new.directive_id;
    return new;
end
$$;

create trigger trg_directive_reach_issuer
    before insert on directive_reach
    for each row when (new.issuer_unit_id is null) execute function directive_reach_issuer();

-- The portal never changes an issuer; a change made by hand is followed here all the same.
create function directive_reach_issuer_changed() returns trigger
    language plpgsql
as $$
begin
    update directive_reach r set issuer_unit_id = new.issuer_unit_id where r.directive_id = new.id;
    return null;
end
$$;

create trigger trg_directive_reach_issuer_changed
    after update of issuer_unit_id on directive
    for each row when (old.issuer_unit_id is distinct from new.issuer_unit_id)
    execute function directive_reach_issuer_changed();

create index ix_directive_reach_issuer on directive_reach (unit_id, issuer_unit_id);

-- The directives not yet issued (drafts, those awaiting approval), which the list of a Department's staff
-- reads apart from the issued ones.
create index ix_directive_not_issued on directive (created_at) where issued_on is null;
