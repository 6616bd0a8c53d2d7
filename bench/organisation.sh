#!/usr/bin/env bash
# Benchmark of the organisation features, on 127.0.0.1 only:
#   - import of 1,500 units and of 5,000 accounts through the import pages (first and repeated);
#   - subtree queries (the scope rule) on a country-sized tree of 54,000 units, with pgbench.
# Needs: a PostgreSQL server (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres) that may
# create databases, psql, pgbench, curl, python3, and a JDK. Prints a table; leaves nothing behind.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
port="${BENCH_PORT:-18080}"
database="portal_bench_$(date +%s)"
work="$(mktemp -d)"
password='Bench-Quan-tri-2026'
app_pid=""

cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  dropdb --if-exists "$database" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

[[ -f target/edu-portal.jar ]] || ./mvnw -q -B package -DskipTests
createdb "$database"

SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" PORTAL_ADMIN_PASSWORD="$password" SERVER_PORT="$port" \
  java -Xmx512m -jar target/edu-portal.jar >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 90); do
  curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done

jar="$work/cookies"
csrf() { curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1; }
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=admin" --data-urlencode "password=$password" \
  --data-urlencode "_csrf=$(csrf /login)" "http://127.0.0.1:$port/login"

upload() { # page, file -> seconds
  local token
  token="$(csrf "$1")"
  curl -s -c "$jar" -b "$jar" -o "$work/response.html" -w '%{time_total}' -F "_csrf=$token" -F "file=@$2" \
    "http://127.0.0.1:$port$1"
}

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
with open(f"{work}/units.csv", "w", encoding="utf-8") as out:
    out.write("code,name,short_name,type,parent_code,ownership,email,phone,valid_from\n")
    out.write("BENCH,Sở Giáo dục và Đào tạo Thử,,DEPARTMENT,,,,,2025-07-01\n")
    for office in range(1, 100):
        out.write(f"BENCH-X{office},Phòng Văn hóa - Xã hội xã {office},,COMMUNE_OFFICE,BENCH,,,,2025-07-01\n")
    kinds = ["KINDERGARTEN", "PRIMARY", "LOWER_SECONDARY"]
    for school in range(1, 1401):
        out.write(f"BENCH-S{school},Trường Đồng Khởi {school},,{kinds[school % 3]},BENCH-X{1 + school % 99},"
                  f"PUBLIC,s{school}@bench.edu.vn,0270 3800 {school:03d},2010-09-01\n")
with open(f"{work}/accounts.csv", "w", encoding="utf-8") as out:
    out.write("username,full_name,email,phone,unit_code,roles\n")
    for i in range(1, 5001):
        role = "UNIT_LEADER" if i % 10 == 0 else "UNIT_STAFF"
        out.write(f"gv{i},Nguyễn Văn Giáo Viên {i},gv{i}@bench.edu.vn,,BENCH-S{1 + i % 1400},{role}\n")
PY

units_first=$(upload /admin/units/import "$work/units.csv")
units_again=$(upload /admin/units/import "$work/units.csv")
accounts_first=$(upload /admin/users/import "$work/accounts.csv")
grep -q "5.000 tài khoản mới" "$work/response.html" || { echo "account import failed" >&2; exit 1; }
accounts_again=$(upload /admin/users/import "$work/accounts.csv")

# A country: 34 departments, each with 30 divisions and offices, each with about 50 schools: 54,000 units.
psql -q -v ON_ERROR_STOP=1 "$database" <<'SQL'
insert into unit (code, name, type, valid_from)
select 'C' || d, 'Sở Giáo dục và Đào tạo ' || d, 'DEPARTMENT', date '2025-07-01' from generate_series(1, 34) d;
insert into unit (code, name, type, parent_id, valid_from)
select 'C' || d || '-X' || x, 'Phòng Văn hóa - Xã hội ' || d || '-' || x, 'COMMUNE_OFFICE', p.id, date '2025-07-01'
from generate_series(1, 34) d cross join generate_series(1, 30) x join unit p on p.code = 'C' || d;
insert into unit (code, name, type, parent_id, valid_from)
select o.code || '-S' || s, 'Trường ' || o.code || '-' || s, 'PRIMARY', o.id, date '2010-09-01'
from unit o cross join generate_series(1, 51) s where o.type = 'COMMUNE_OFFICE' and o.code like 'C%-X%';
analyze unit;
SQL
units_total=$(psql -At -c "select count(*) from unit" "$database")

bench_query() { # label, sql -> avg latency in ms
  echo "$2" >"$work/query.sql"
  pgbench -n -f "$work/query.sql" -T 5 -c 1 "$database" 2>/dev/null | sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p'
}
# The portal binds the root's path as a parameter, so PostgreSQL plans with its value: a prefix scan.
path_of() { psql -At -c "select path from unit where code = '$1'" "$database"; }
department_path=$(path_of C17)
office_path=$(path_of C17-X5)
school_id=$(psql -At -c "select id from unit where code = 'C17-X5-S7'" "$database")
country=$(bench_query country "select count(*) from unit where path like '/%';")
department=$(bench_query department "select count(*) from unit where path like '${department_path}%';")
office=$(bench_query office "select count(*) from unit where path like '${office_path}%';")
within=$(bench_query within "select exists (select 1 from unit where id = ${school_id} and path like '${department_path}%');")

printf '\n%-62s %s\n' "measure" "value"
printf '%-62s %s\n' "import 1,500 units (first, HTTP round trip)" "${units_first} s"
printf '%-62s %s\n' "import 1,500 units (again, nothing changes)" "${units_again} s"
printf '%-62s %s\n' "import 5,000 accounts (first, with temporary passwords)" "${accounts_first} s"
printf '%-62s %s\n' "import 5,000 accounts (again, nothing changes)" "${accounts_again} s"
printf '%-62s %s\n' "units in the tree for the subtree queries" "$units_total"
printf '%-62s %s\n' "subtree of a department (~1,560 units), count, avg" "${department} ms"
printf '%-62s %s\n' "subtree of a commune office (52 units), count, avg" "${office} ms"
printf '%-62s %s\n' "is a unit within a department's scope, avg" "${within} ms"
printf '%-62s %s\n' "whole tree (every unit), count, avg" "${country} ms"
