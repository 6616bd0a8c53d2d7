-- Education units: a tree of any depth that keeps its history (validity dates, successor on merge).
create table unit (
    id           bigint generated always as identity,
    code         varchar(40)  not null,
    name         varchar(255) not null,
    short_name   varchar(120),
    type         varchar(30)  not null,
    ownership    varchar(20),
    parent_id    bigint,
    email        varchar(254),
    phone        varchar(30),
    valid_from   date         not null,
    valid_to     date,
    successor_id bigint,
    search_text  text generated always as (portal_fold(code || ' ' || name || ' ' || coalesce(short_name, ''))) stored,
    version      bigint       not null default 0,
    created_at   timestamptz  not null default now(),
    constraint pk_unit primary key (id),
    constraint uq_unit_code unique (code),
    constraint fk_unit_parent foreign key (parent_id) references unit (id),
    constraint fk_unit_successor foreign key (successor_id) references unit (id),
    constraint ck_unit_type check (type in ('DEPARTMENT', 'DEPARTMENT_DIVISION', 'DISTRICT_OFFICE', 'COMMUNE_OFFICE',
        'KINDERGARTEN', 'PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY', 'MULTI_LEVEL', 'CONTINUING_EDUCATION',
        'SPECIALISED', 'OTHER')),
    constraint ck_unit_ownership check (ownership in ('PUBLIC', 'PEOPLE_FOUNDED', 'PRIVATE')),
    constraint ck_unit_validity check (valid_to is null or valid_to >= valid_from),
    constraint ck_unit_not_own_parent check (parent_id is null or parent_id <> id),
    constraint ck_unit_not_own_successor check (successor_id is null or successor_id <> id)
);
create index ix_unit_parent on unit (parent_id);
create index ix_unit_successor on unit (successor_id) where successor_id is not null;
create index ix_unit_search on unit using gin (search_text gin_trgm_ops);
