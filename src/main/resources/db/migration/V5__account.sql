-- Accounts: one unit each (system administrators may have none), one or more roles.
create table account (
    id                   bigint generated always as identity,
    username             varchar(64)  not null,
    password_hash        varchar(100) not null,
    full_name            varchar(200) not null,
    email                varchar(254),
    phone                varchar(30),
    unit_id              bigint,
    language             varchar(5)   not null default 'vi',
    enabled              boolean      not null default true,
    must_change_password boolean      not null default false,
    failed_attempts      int          not null default 0,
    lock_count           int          not null default 0,
    locked_until         timestamptz,
    password_changed_at  timestamptz,
    last_login_at        timestamptz,
    version              bigint       not null default 0,
    created_at           timestamptz  not null default now(),
    constraint pk_account primary key (id),
    constraint uq_account_username unique (username),
    constraint ck_account_username_lower check (username = lower(username)),
    constraint ck_account_language check (language in ('vi', 'en')),
    constraint fk_account_unit foreign key (unit_id) references unit (id)
);
create index ix_account_unit on account (unit_id);

create table account_role (
    account_id bigint      not null,
    role       varchar(30) not null,
    constraint pk_account_role primary key (account_id, role),
    constraint fk_account_role_account foreign key (account_id) references account (id) on delete cascade,
    constraint ck_account_role_role check (role in ('SYSTEM_ADMIN', 'DEPARTMENT_LEADER', 'DEPARTMENT_OFFICER',
        'UNIT_LEADER', 'UNIT_STAFF'))
);
