-- The ids of the units whose paths lie in a range (from a scope's path to UnitScope.pathEnd()):
-- the units of a reader's scope, for the sets of directives that reached it. Asked inline, the
-- range is estimated by PostgreSQL at a share of the whole tree when the plan is made for any
-- reader (270 of the country's 54,060 units), so that the plan kept for every reader looked dearer
-- than one made for the reader's values, and a school's directive list was planned again at every
-- request (1.2 to 1.5 ms on the generated country, more than its running). The lists that use
-- it are those of readers below the top two levels of the tree (a school: a unit or a few);
-- PL/pgSQL, so that the planner takes the estimate as written and does not inline it.
create function units_in_path_range(from_path text, to_path text) returns setof bigint
    language plpgsql stable rows 4
as $$
begin
    return query select u.id from unit u where u.path ~>=~ from_path and u.path ~<~ to_path;
end
$$;
