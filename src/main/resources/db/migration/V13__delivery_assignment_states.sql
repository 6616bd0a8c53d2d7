-- What each recipient did with its assignment: who first opened it (read receipt), who confirmed it
-- ("Đã tiếp nhận") and whether late, and its forwarding down the tree. The state is derived from
-- these facts, so it cannot disagree with them.
alter table assignment drop constraint ck_assignment_status;
alter table assignment drop column status;
alter table assignment
    add column parent_id           bigint,
    add column instructions        varchar(4000),
    add column due_on              date,
    add column forwarding_required boolean not null default false,
    add column read_at             timestamptz,
    add column read_by             bigint,
    add column acknowledged_at     timestamptz,
    add column acknowledged_by     bigint,
    add column acknowledged_late   boolean,
    add column forwarded_at        timestamptz,
    add column forwarded_by        bigint,
    add column version             bigint not null default 0,
    add constraint fk_assignment_parent foreign key (parent_id) references assignment (id),
    add constraint fk_assignment_read_by foreign key (read_by) references account (id),
    add constraint fk_assignment_acknowledged_by foreign key (acknowledged_by) references account (id),
    add constraint fk_assignment_forwarded_by foreign key (forwarded_by) references account (id),
    add constraint ck_assignment_acknowledged check ((acknowledged_at is null) = (acknowledged_by is null)
        and (acknowledged_at is null) = (acknowledged_late is null)),
    add constraint ck_assignment_read check ((read_at is null) = (read_by is null));
create index ix_assignment_parent on assignment (parent_id) where parent_id is not null;
create index ix_assignment_unit_unread on assignment (unit_id) where read_at is null and withdrawn_at is null;
