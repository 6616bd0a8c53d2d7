-- One assignment per recipient unit of a published directive: the follow-up register of each
-- recipient. Created in the publication's transaction, set-based.
create table assignment (
    id             bigint generated always as identity,
    directive_id   bigint      not null,
    unit_id        bigint      not null,
    role           varchar(20) not null,
    status         varchar(20) not null,
    delivered_at   timestamptz not null,
    acknowledge_by date,
    withdrawn_at   timestamptz,
    constraint pk_assignment primary key (id),
    constraint uq_assignment_directive_unit unique (directive_id, unit_id),
    constraint fk_assignment_directive foreign key (directive_id) references directive (id),
    constraint fk_assignment_unit foreign key (unit_id) references unit (id),
    constraint ck_assignment_role check (role in ('IMPLEMENT', 'INFORM')),
    constraint ck_assignment_status check (status in ('DELIVERED'))
);
create index ix_assignment_unit on assignment (unit_id, delivered_at desc);
