-- Hỏa tốc (flash) directives count their deadline in hours: the moment to acknowledge by.
alter table assignment add column acknowledge_before timestamptz;
