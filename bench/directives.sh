#!/usr/bin/env bash
# Benchmark of directive publication: one directive to 1,500 units (its recipients and their
# assignments, set-based, in the publication's transaction), 20 runs after 3 to warm up.
# Uses the PostgreSQL of SPRING_DATASOURCE_URL (the tests' database rules apply: a database of
# its own, dropped afterwards), else an embedded one. Prints min, median, p95 and max.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dspring-javaformat.skip=true -Dtest=PublicationBenchmark,DeliveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  | grep -E "^(Publication to|delivery tree|inbox of)" || { echo "benchmark failed; run it without -q to see why" >&2; exit 1; }
