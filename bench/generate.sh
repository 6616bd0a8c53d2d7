#!/usr/bin/env bash
# Fills a database with generated data for the benchmarks: ./bench/generate.sh province|country [seed]
#   province: 1 Department of 1,500 units, 5 years of 400 directives (one in ten to every unit),
#             3,000 incidents a year: about 430,000 assignments
#   country:  34 Departments of 1,590 units (54,060), 5 years of 320 directives each (one in five to
#             every unit), 15,000 incidents each: about 20 million assignments, 510,000 incidents
# The database is the one of the standard PG* variables (PGHOST, PGPORT, PGUSER, PGDATABASE). The portal
# must have migrated it first (start it once against it); the generator adds to what is there.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:?province or country}"
seed="${2:-0.42}"
case "$scale" in
  province) args=(-v departments=1 -v units=1500 -v years=5 -v per_year=400 -v incidents=15000 -v whole_every=10) ;;
  country)  args=(-v departments=34 -v units=1590 -v years=5 -v per_year=320 -v incidents=15000 -v whole_every=5) ;;
  *) echo "scale: province or country" >&2; exit 2 ;;
esac
if [ "$(psql -X -At -c "select count(*) from account where username = 'admin'")" != "1" ]; then
  echo "the database has no administrator: start the portal against it once first" >&2
  exit 2
fi
start=$(date +%s.%N)
psql -q -X "${args[@]}" -v seed="$seed" -f bench/generate.sql
end=$(date +%s.%N)
printf 'generated %s (seed %s) in %.1f s\n' "$scale" "$seed" "$(echo "$end - $start" | bc)"
