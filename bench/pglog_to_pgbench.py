"""Reads a piece of PostgreSQL's log (log_min_duration_statement = 0) on standard input and writes
the statements the portal executed on one database, their parameters written in, as a pgbench
script: one transaction is the page's SQL. The session's statements and those of the scheduled
jobs are left out."""
import re
import sys

database = sys.argv[1]
entry_start = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
entries = []
for line in sys.stdin:
    if entry_start.match(line) or not entries:
        entries.append(line.rstrip("\n"))
    else:
        entries[-1] += "\n" + line.rstrip("\n").lstrip("\t")

execute = re.compile(r"\[(\d+)\] \S*@" + re.escape(database) + r" LOG:  duration: [\d.]+ ms  execute [^:]*: (.*)",
                     re.S)
detail = re.compile(r"\[(\d+)\] \S*@" + re.escape(database) + r" DETAIL:  parameters: (.*)", re.S | re.I)
parameter = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")
skipped = re.compile(r"spring_session|shedlock|outbox_mail|reminder_sent|^\s*(begin|commit|rollback|set|show|select 1)\b",
                     re.I)

statements = []
for i, entry in enumerate(entries):
    found = execute.search(entry)
    if not found:
        continue
    sql = found.group(2).strip()
    values = {}
    if i + 1 < len(entries):
        more = detail.search(entries[i + 1])
        if more and more.group(1) == found.group(1):
            values = {int(n): v for n, v in parameter.findall(more.group(2))}
    sql = re.sub(r"\$(\d+)\b", lambda m: values.get(int(m.group(1)), m.group(0)), sql)
    if not skipped.search(sql):
        statements.append(re.sub(r"\s+", " ", sql).rstrip(";") + ";")

if not statements:
    sys.exit("no statement of database %s in the log" % database)
print("\n".join(statements))
