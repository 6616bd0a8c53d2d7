-- The Department can require the offices it writes to to forward the directive to the units below them.
alter table directive add column forwarding_required boolean not null default false;
