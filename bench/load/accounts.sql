-- The accounts of the load's virtual users: copies of the demo accounts the load signs in as (same
-- unit, roles and password), name.1 to name.:copies, as many people of one school would have; every
-- account gets an address, so that its messages go out by e-mail. psql -v copies=N -v seconds=S -f accounts.sql
create temp table copy_of as select id, username from account
  where username in ('thcs.giongtrom', 'thpt.chuyenbentre', 'thpt.nguyendinhchieu', 'sgd.chuyenvien', 'sgd.lanhdao');
select string_agg(quote_ident(column_name), ', ') as columns from information_schema.columns
  where table_schema = current_schema() and table_name = 'account' and column_name not in ('id', 'username', 'email') \gset
insert into account (username, email, :columns)
  select c.username || '.' || n, null, :columns from account a join copy_of c on c.id = a.id
  cross join generate_series(1, :copies) n;
insert into account_role (account_id, role)
  select a.id, r.role from copy_of c cross join generate_series(1, :copies) n
  join account a on a.username = c.username || '.' || n join account_role r on r.account_id = c.id;
update account set email = username || '@demo.portal.test' where email is null;

-- Hỏa tốc deadlines to acknowledge that fall due during the run, spread over it (psql -v seconds=N),
-- on the open assignments of units whose people are not in the load: the hourly reminders (every
-- minute during the run) must remind of each exactly once, whichever instance runs them, through
-- the faults.
with open as (
  select a.id, row_number() over (order by a.id) as k, count(*) over () as n from assignment a
  where a.acknowledged_at is null and a.withdrawn_at is null
    and exists (select 1 from account acc join account_role r on r.account_id = acc.id
                where acc.unit_id = a.unit_id and acc.enabled and r.role in ('UNIT_LEADER', 'UNIT_STAFF')))
update assignment a set acknowledge_before = now() + make_interval(secs => :seconds * o.k / (o.n + 1))
from open o where o.id = a.id;
