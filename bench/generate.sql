-- Realistic data for the benchmarks, set-based and deterministic for a seed. Run by bench/generate.sh
-- on a database the portal has migrated (and nothing else has filled). Variables (psql -v):
--   departments  how many Departments (1 for a province, 34 for the country)
--   units        units per Department (schools and offices)
--   years        years of history, ending today
--   per_year     directives per Department and year
--   incidents    incidents per Department over the whole history
--   whole_every  one directive in this many goes to every unit of its Department
--   seed         the seed, a number between -1 and 1
\set ON_ERROR_STOP on
set max_parallel_workers_per_gather = 0;
set client_min_messages = warning;
select setseed(:seed);

begin;
-- The compliance summary (V20) is rebuilt once at the end instead of after every statement.
set local portal.compliance_deferred = on;

-- The tree: each Department with 6 divisions, a district office per 50 units, 4% upper-secondary
-- schools directly under it, and the other schools under the district offices.
create temporary table gen_department on commit drop as
select d, 'GEN' || lpad(d::text, 2, '0') as code from generate_series(1, :departments) as d;

insert into unit (code, name, short_name, type, valid_from)
select code, 'Sở Giáo dục và Đào tạo ' || code, 'Sở GD&ĐT ' || code, 'DEPARTMENT', date '2015-01-01'
from gen_department order by d;

insert into unit (code, name, type, parent_id, valid_from)
select g.code || '-PB' || n, 'Phòng chuyên môn ' || n, 'DEPARTMENT_DIVISION', u.id, date '2015-01-01'
from gen_department g join unit u on u.code = g.code cross join generate_series(1, 6) as n order by g.d, n;

insert into unit (code, name, type, parent_id, valid_from)
select g.code || '-PGD' || n, 'Phòng GD&ĐT khu vực ' || n || ' (' || g.code || ')', 'DISTRICT_OFFICE', u.id,
       date '2015-01-01'
from gen_department g join unit u on u.code = g.code
cross join generate_series(1, greatest(1, :units / 50)) as n order by g.d, n;

insert into unit (code, name, type, parent_id, ownership, valid_from)
select g.code || '-THPT' || n, 'Trường THPT số ' || n || ' (' || g.code || ')', 'UPPER_SECONDARY', u.id, 'PUBLIC',
       date '2015-01-01'
from gen_department g join unit u on u.code = g.code
cross join generate_series(1, greatest(1, :units * 4 / 100)) as n order by g.d, n;

insert into unit (code, name, type, parent_id, ownership, valid_from)
select g.code || '-TR' || n,
       (case n % 3 when 0 then 'Trường Mầm non ' when 1 then 'Trường Tiểu học ' else 'Trường THCS ' end) || n
           || ' (' || g.code || ')',
       case n % 3 when 0 then 'KINDERGARTEN' when 1 then 'PRIMARY' else 'LOWER_SECONDARY' end,
       o.id, 'PUBLIC', date '2015-01-01'
from gen_department g
cross join generate_series(1, :units - 7 - greatest(1, :units / 50) - greatest(1, :units * 4 / 100)) as n
join unit o on o.code = g.code || '-PGD' || (1 + (n - 1) % greatest(1, :units / 50))
order by g.d, n;

create temporary table gen_unit on commit drop as
select u.id, u.type, u.parent_id, d.id as department_id, g.d
from unit u join gen_department g on u.code like g.code || '-%' join unit d on d.code = g.code
where u.type not in ('DEPARTMENT', 'DEPARTMENT_DIVISION');
create index on gen_unit (department_id);

-- Accounts: a leader and two staff per school and office; 85 officers per division and 3 leaders
-- per Department. They all share the administrator's password.
insert into account (username, password_hash, full_name, email, unit_id)
select 'gen.' || u.id || '.' || k, (select password_hash from account where username = 'admin'),
       'Người dùng ' || u.id || '.' || k, 'gen.' || u.id || '.' || k || '@truong.edu.vn', u.id
from gen_unit u cross join generate_series(1, 3) as k order by u.id, k;
insert into account (username, password_hash, full_name, email, unit_id)
select 'gen.' || v.id || '.' || k, (select password_hash from account where username = 'admin'),
       'Chuyên viên ' || v.id || '.' || k, 'gen.' || v.id || '.' || k || '@sgd.edu.vn', v.id
from unit v join gen_department g on v.code like g.code || '-PB%' cross join generate_series(1, 85) as k
order by v.id, k;
insert into account (username, password_hash, full_name, email, unit_id)
select 'gen.' || u.id || '.' || k, (select password_hash from account where username = 'admin'),
       'Lãnh đạo Sở ' || u.id || '.' || k, 'gen.' || u.id || '.' || k || '@sgd.edu.vn', u.id
from unit u join gen_department g on u.code = g.code cross join generate_series(1, 3) as k order by u.id, k;

insert into account_role (account_id, role)
select a.id, case
    when u.type = 'DEPARTMENT' then 'DEPARTMENT_LEADER'
    when u.type = 'DEPARTMENT_DIVISION' then 'DEPARTMENT_OFFICER'
    when a.username like '%.1' then 'UNIT_LEADER' else 'UNIT_STAFF' end
from account a join unit u on u.id = a.unit_id where a.username like 'gen.%';

-- The planner needs to know what this transaction has written so far.
analyze unit;
analyze account;

create temporary table gen_leader on commit drop as
select a.unit_id, a.id as account_id from account a where a.username like 'gen.%.1';
create index on gen_leader (unit_id);

-- Directives: per_year a year and Department, numbered in order, spread over the working days.
create temporary table gen_directive on commit drop as
select g.d, d.id as department_id, y.year, n,
       (make_date(y.year, 1, 2) + ((n - 1) * 360 / :per_year) + (random() * 3)::int) as issued_on,
       (array['CONG_VAN', 'KE_HOACH', 'CHI_THI', 'THONG_BAO', 'HUONG_DAN'])[1 + (random() * 4)::int] as type,
       random() as r_schedule, random() as r_size, random() as r_recall, random() as r_urgency
from gen_department g join unit d on d.code = g.code
cross join generate_series(extract(year from current_date)::int - :years + 1, extract(year from current_date)::int) as y(year)
cross join generate_series(1, :per_year) as n;
delete from gen_directive where issued_on >= current_date - 1;

insert into directive (status, issuer_unit_id, drafting_unit_id, created_by, type, issuer_name, issuer_abbreviation,
                       symbol, number, year, issued_on, place, subject, urgency, signer_position, signer_name,
                       acknowledge_by, report_schedule, report_due, report_until, published_at, published_by,
                       recalled_at, recall_reason, submitted_at, forwarding_required)
select case when g.r_recall < 0.02 then 'RECALLED' else 'PUBLISHED' end, g.department_id, dv.id, officer.id, g.type,
       'SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'SGDĐT',
       case g.type when 'CONG_VAN' then 'SGDĐT-CTTT' when 'KE_HOACH' then 'KH-SGDĐT' when 'CHI_THI' then 'CT-SGDĐT'
                   when 'THONG_BAO' then 'TB-SGDĐT' else 'HD-SGDĐT' end,
       g.n, g.year, least(g.issued_on, make_date(g.year, 12, 31)), 'Bến Tre',
       'Về việc triển khai nhiệm vụ số ' || g.n || ' năm ' || g.year,
       case when g.r_urgency < 0.85 then 'NORMAL' when g.r_urgency < 0.97 then 'URGENT' else 'VERY_URGENT' end,
       'GIÁM ĐỐC', 'Nguyễn Văn Giám Đốc', least(g.issued_on, make_date(g.year, 12, 31)) + 3,
       case when g.r_schedule < 0.5 then 'NONE' when g.r_schedule < 0.85 then 'ONCE' else 'MONTHLY' end,
       case when g.r_schedule < 0.5 then null else least(g.issued_on, make_date(g.year, 12, 31)) + 20 end,
       case when g.r_schedule >= 0.85 then least(g.issued_on, make_date(g.year, 12, 31)) + 180 end,
       least(g.issued_on, make_date(g.year, 12, 31)) + time '09:00' at time zone 'Asia/Ho_Chi_Minh', officer.id,
       case when g.r_recall < 0.02 then least(g.issued_on, make_date(g.year, 12, 31)) + 2 end,
       case when g.r_recall < 0.02 then 'Thu hồi để ban hành lại' end,
       least(g.issued_on, make_date(g.year, 12, 31)) + time '08:00' at time zone 'Asia/Ho_Chi_Minh', false
from gen_directive g
join unit dv on dv.code = (select code from gen_department where d = g.d) || '-PB1'
join lateral (select a.id from account a where a.unit_id = dv.id order by a.id limit 1) as officer on true
order by g.d, g.year, g.n;

-- Each directive keeps the version it was issued as, which its page and its PDF print.
insert into directive_version (directive_id, amendment, created_at, created_by, printed)
select d.id, 0, d.published_at, d.published_by, jsonb_build_object(
         'authorityLine', 'UBND TỈNH BẾN TRE', 'issuerName', d.issuer_name,
         'number', case when d.number < 10 then '0' else '' end || d.number || '/' || d.symbol,
         'placeAndDate', d.place || ', ngày ' || to_char(d.issued_on, 'DD') || ' tháng '
           || case when extract(month from d.issued_on) <= 2 then to_char(d.issued_on, 'MM')
                   else extract(month from d.issued_on)::text end || ' năm ' || extract(year from d.issued_on),
         'typeName', case d.type when 'KE_HOACH' then 'KẾ HOẠCH' when 'CHI_THI' then 'CHỈ THỊ'
                                 when 'THONG_BAO' then 'THÔNG BÁO' when 'HUONG_DAN' then 'HƯỚNG DẪN' end,
         'subject', d.subject,
         'urgencyMark', case d.urgency when 'URGENT' then 'KHẨN' when 'VERY_URGENT' then 'THƯỢNG KHẨN' end,
         'addressees', jsonb_build_array('Các đơn vị trực thuộc'),
         'opening', jsonb_build_array('Thực hiện nhiệm vụ năm học, Sở Giáo dục và Đào tạo yêu cầu các đơn vị:'),
         'tasks', jsonb_build_array(jsonb_build_object('number', 1, 'paragraphs',
           jsonb_build_array('Triển khai nội dung văn bản đến cán bộ, giáo viên, nhân viên và học sinh.'))),
         'closing', jsonb_build_array('Các đơn vị báo cáo kết quả về Sở theo thời hạn./.'),
         'otherRecipients', jsonb_build_array('- Như trên;', '- Website Sở;'), 'archiveLine', 'Lưu: VT.',
         'signerAuthority', null, 'signerPosition', d.signer_position, 'signerName', d.signer_name,
         'draft', false, 'amendment', 0)
from directive d where d.issuer_unit_id in (select department_id from gen_directive);

insert into directive_register (issuer_unit_id, year, last_number)
select issuer_unit_id, year, max(number) from directive
where issuer_unit_id in (select department_id from gen_directive) group by 1, 2
on conflict (issuer_unit_id, year) do update set last_number = greatest(directive_register.last_number,
                                                                         excluded.last_number);

-- Recipients: one directive in whole_every goes to every school and office of its Department, the
-- others to between 5 and 150 of them, picked by a hash of the pair (fast, and the same for a seed).
create temporary table gen_size on commit drop as
select d.id as directive_id, d.issuer_unit_id,
       case when row_number() over (order by d.id) % :whole_every = 0 then 1.0
            else (5 + (abs(hashint8(d.id)::bigint) % 146)) / (select count(*) from gen_unit u where u.department_id = d.issuer_unit_id)::numeric
       end as share
from directive d where d.issuer_unit_id in (select department_id from gen_directive);

insert into directive_recipient (directive_id, unit_id, role)
select s.directive_id, u.id, case when abs(hashint8(s.directive_id * 31 + u.id)::bigint) % 10 = 0 then 'INFORM' else 'IMPLEMENT' end
from gen_size s join gen_unit u on u.department_id = s.issuer_unit_id
where s.share >= 1 or abs(hashint8(s.directive_id * 1000003 + u.id)::bigint) % 100000 < s.share * 100000
order by s.directive_id, u.id; -- a directive's recipients side by side, as its publication writes them

-- Assignments, with their fate: about 70% acknowledged on time, 15% late, 15% never.
insert into assignment (directive_id, unit_id, role, delivered_at, acknowledge_by, due_on, read_at, read_by,
                        acknowledged_at, acknowledged_by, acknowledged_late, withdrawn_at)
select r.directive_id, r.unit_id, r.role, d.published_at, d.acknowledge_by,
       case when d.report_schedule = 'ONCE' and r.role = 'IMPLEMENT' then d.report_due end,
       case when f.fate < 0.9 then d.published_at + interval '3 hours' end,
       case when f.fate < 0.9 then l.account_id end,
       case when f.fate < 0.70 then d.published_at + (f.fate * interval '2 days')
            when f.fate < 0.85 then d.published_at + interval '4 days' + (f.fate * interval '5 days') end,
       case when f.fate < 0.85 then l.account_id end,
       case when f.fate < 0.70 then false when f.fate < 0.85 then true end,
       d.recalled_at
from directive_recipient r join directive d on d.id = r.directive_id
join gen_leader l on l.unit_id = r.unit_id
cross join lateral (select (abs(hashint8(r.directive_id * 7 + r.unit_id)::bigint) % 10000) / 10000.0 as fate) as f
where d.issuer_unit_id in (select department_id from gen_directive);

-- District offices forward one directive in three to three of their schools.
insert into assignment (directive_id, unit_id, role, delivered_at, acknowledge_by, due_on, parent_id, forwarded_at,
                        forwarded_by)
select p.directive_id, s.id, 'IMPLEMENT', p.acknowledged_at, p.acknowledge_by + 2, p.due_on, p.id, p.acknowledged_at,
       p.acknowledged_by
from assignment p join gen_unit o on o.id = p.unit_id and o.type = 'DISTRICT_OFFICE'
join lateral (select c.id from gen_unit c where c.parent_id = o.id order by c.id limit 3) as s on true
where p.acknowledged_at is not null and abs(hashint8(p.id)::bigint) % 3 = 0
on conflict (directive_id, unit_id) do nothing;

-- Reports on the periods due before today: 65% on time, 15% late, 20% not submitted.
-- The planner needs to know what this transaction has written so far.
analyze directive;
analyze assignment;
analyze gen_leader;
analyze gen_directive;

insert into report (assignment_id, period_due, status, revision, updated_at, updated_by, submitted_at, submitted_by,
                    submitted_late, reviewed_at, reviewed_by, issuer_unit_id)
select a.id, p.due,
       case when f.fate < 0.6 then 'ACCEPTED' else 'SUBMITTED' end, 1,
       p.due - 1 + time '10:00', l.account_id,
       case when f.fate < 0.65 then p.due - 1 + time '10:00' else p.due + 5 + time '10:00' end, l.account_id,
       f.fate >= 0.65,
       case when f.fate < 0.6 then p.due + 7 + time '10:00' end,
       case when f.fate < 0.6 then d.published_by end, d.issuer_unit_id
from assignment a join directive d on d.id = a.directive_id
join gen_leader l on l.unit_id = a.unit_id
cross join lateral (
  select coalesce(a.due_on, d.report_due) as due where d.report_schedule = 'ONCE'
  union all
  select (d.report_due + make_interval(months => g))::date from generate_series(0, 6) as g
  where d.report_schedule = 'MONTHLY' and (d.report_due + make_interval(months => g))::date <= d.report_until
) as p
cross join lateral (select (abs(hashint8(a.id * 13 + extract(epoch from p.due)::bigint)::bigint) % 10000) / 10000.0 as fate) as f
where a.role = 'IMPLEMENT' and a.withdrawn_at is null and p.due < current_date and f.fate < 0.8
  and d.issuer_unit_id in (select department_id from gen_directive);

-- Incidents over the years: most closed, the recent ones at every step; 80% reported in time.
create temporary table gen_incident on commit drop as
select g.d, n, u.id as unit_id, l.account_id,
       current_timestamp - (random() * :years * interval '365 days') as detected_at,
       (array['BNTT','CLIP','XPVK','TGIA','LDL','TDTE','DDTH','CTPD','GMTK','LDAO','UXGV','UXHS','LOTL','KHAC'])[1 + (random() * 13)::int] as category,
       random() as r_late, random() as r_state
from gen_department g
cross join generate_series(1, :incidents) as n
join lateral (select u.id from gen_unit u join unit d on d.id = u.department_id and d.code = g.code
              where u.type not in ('DISTRICT_OFFICE') order by hashint8(u.id * 17 + n) limit 1) as u on true
join gen_leader l on l.unit_id = u.id;

insert into incident (form_key, unit_id, reporter_id, status, detected_at, platform, category, severity, summary,
                      reach_views, reach_shares, press, submitted_at, submitted_by, report_due_at, reported_late,
                      triage_due_at, reviewer_id, accepted_at, resolution, resolved_at, closed_at, created_at,
                      updated_at, updated_by)
select gen_random_uuid(), i.unit_id, i.account_id, s.status, i.detected_at, 'FACEBOOK', i.category, sev.severity,
       'Sự cố sinh tự động số ' || i.n, (i.n * 37) % 50000, (i.n * 7) % 900, 'NONE',
       i.detected_at + case when i.r_late < 0.8 then interval '1 hour' else interval '30 hours' end, i.account_id,
       i.detected_at + interval '12 hours', i.r_late >= 0.8,
       i.detected_at + case when i.r_late < 0.8 then interval '1 hour' else interval '30 hours' end + interval '2 days',
       case when s.status <> 'SUBMITTED' then reviewer.id end,
       case when s.status <> 'SUBMITTED' then i.detected_at + interval '5 hours' end,
       case when s.status in ('RESOLVED', 'CLOSED') then 'CONTENT_REMOVED' end,
       case when s.status in ('RESOLVED', 'CLOSED') then i.detected_at + interval '3 days' end,
       case when s.status = 'CLOSED' then i.detected_at + interval '5 days' end,
       i.detected_at, i.detected_at, i.account_id
from gen_incident i
cross join lateral (select case when i.detected_at < current_timestamp - interval '30 days' then
                                  case when i.r_state < 0.9 then 'CLOSED' else 'RESOLVED' end
                                else (array['SUBMITTED','ACCEPTED','IN_PROGRESS','NEEDS_INFO','ESCALATED','RESOLVED'])[1 + (i.r_state * 5)::int]
                           end as status) as s
cross join lateral (select case i.category when 'TDTE' then 4 when 'CTPD' then 4 when 'CLIP' then 3 when 'LDL' then 3
                                 when 'DDTH' then 3 when 'LDAO' then 3 when 'LOTL' then 3 when 'UXHS' then 1 else 2
                           end as severity) as sev
join lateral (select a.id from account a join unit dv on dv.id = a.unit_id
              join unit d on d.code = (select code from gen_department where d = i.d)
              where dv.parent_id = d.id and dv.type = 'DEPARTMENT_DIVISION' order by a.id limit 1) as reviewer on true;

update incident set escalated_agency = 'Công an tỉnh', escalated_on = (detected_at + interval '1 day')::date
where status = 'ESCALATED' and escalated_agency is null;

insert into incident_url (incident_id, position, url, url_key)
select i.id, 0, 'https://www.facebook.com/trang.sinh/posts/' || i.id, 'facebook:post:' || i.id
from incident i where i.summary like 'Sự cố sinh tự động số %'
  and not exists (select 1 from incident_url u where u.incident_id = i.id);

select compliance_rebuild();

commit;

-- Vacuumed as well as analysed, as autovacuum leaves a table that was written in bulk some time after:
-- without the visibility map, the lists' sets that PostgreSQL reads from an index alone (V58) went to
-- the table for every row (a school's directive list 2.3 ms of statement instead of 1.5 on the
-- province; at 32 users 327 requests a second instead of 840). A server with autovacuum turned off
-- would be as slow as this was until someone vacuums.
vacuum (analyze);

select (select count(*) from unit) as units, (select count(*) from account) as accounts,
       (select count(*) from directive) as directives, (select count(*) from assignment) as assignments,
       (select count(*) from report) as reports, (select count(*) from incident) as incidents;
