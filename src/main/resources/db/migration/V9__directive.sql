-- Directives (văn bản chỉ đạo) in the Decree 30 form. The number is given at publication from the
-- issuer's register (directive_register); drafts have none.
create table directive (
    id                    bigint generated always as identity,
    status                varchar(20)  not null,
    issuer_unit_id        bigint       not null,
    drafting_unit_id      bigint       not null,
    created_by            bigint       not null,
    type                  varchar(20)  not null,
    authority_line        varchar(200),
    issuer_name           varchar(200) not null,
    issuer_abbreviation   varchar(30)  not null,
    drafting_abbreviation varchar(30),
    symbol                varchar(80)  not null,
    number                int,
    year                  int,
    issued_on             date,
    place                 varchar(100) not null,
    subject               varchar(500) not null,
    opening               text,
    closing               text,
    urgency               varchar(20)  not null,
    signer_prefix         varchar(10),
    signer_for            varchar(120),
    signer_position       varchar(120) not null,
    signer_name           varchar(120) not null,
    addressees            text,
    other_recipients      text,
    archive_line          varchar(200),
    acknowledge_by        date,
    report_schedule       varchar(20)  not null,
    report_due            date,
    report_until          date,
    contact_email         varchar(254),
    contact_phone         varchar(30),
    return_comment        varchar(2000),
    submitted_at          timestamptz,
    published_at          timestamptz,
    published_by          bigint,
    recalled_at           timestamptz,
    recall_reason         varchar(2000),
    amendment             int          not null default 0,
    -- Searchable as "5", "05/KH-SGDĐT" and "340/SGD&ĐT-CTTT": numbers below 10 get their leading zero.
    search_text           text generated always as (portal_fold(coalesce(number::text, '') || ' '
        || case when number < 10 then '0' else '' end || coalesce(number::text, '') || '/' || symbol || ' '
        || subject || ' ' || coalesce(opening, '') || ' ' || coalesce(closing, ''))) stored,
    version               bigint       not null default 0,
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now(),
    constraint pk_directive primary key (id),
    constraint fk_directive_issuer foreign key (issuer_unit_id) references unit (id),
    constraint fk_directive_drafting_unit foreign key (drafting_unit_id) references unit (id),
    constraint fk_directive_created_by foreign key (created_by) references account (id),
    constraint fk_directive_published_by foreign key (published_by) references account (id),
    -- Two documents never share number + symbol + issuer + year (Decree 30).
    constraint uq_directive_number unique (issuer_unit_id, year, number, symbol),
    constraint ck_directive_status check (status in ('DRAFT', 'PENDING_APPROVAL', 'PUBLISHED', 'RECALLED')),
    constraint ck_directive_type check (type in ('CONG_VAN', 'KE_HOACH', 'CHI_THI', 'THONG_BAO', 'HUONG_DAN',
        'QUYET_DINH', 'BAO_CAO', 'CHUONG_TRINH', 'GIAY_MOI')),
    constraint ck_directive_urgency check (urgency in ('NORMAL', 'URGENT', 'VERY_URGENT', 'FLASH')),
    constraint ck_directive_signer_prefix check (signer_prefix in ('KT', 'TM', 'TL', 'TUQ', 'Q')),
    constraint ck_directive_report_schedule check (report_schedule in ('NONE', 'ONCE', 'MONTHLY', 'QUARTERLY',
        'SEMESTER')),
    constraint ck_directive_numbered check ((status in ('DRAFT', 'PENDING_APPROVAL')) = (number is null)),
    constraint ck_directive_number_positive check (number is null or number > 0),
    constraint ck_directive_year check (number is null or year = extract(year from issued_on))
);
create index ix_directive_issuer_year on directive (issuer_unit_id, year, number);
create index ix_directive_issued on directive (issued_on desc, id desc);
create index ix_directive_status on directive (status);
create index ix_directive_search on directive using gin (search_text gin_trgm_ops);

-- The numbered tasks of the body, each of which may require a report.
create table directive_task (
    directive_id    bigint        not null,
    position        int           not null,
    text            varchar(8000) not null,
    report_required boolean       not null default false,
    report_due      date,
    constraint pk_directive_task primary key (directive_id, position),
    constraint fk_directive_task_directive foreign key (directive_id) references directive (id) on delete cascade
);
create index ix_directive_task_search on directive_task using gin (portal_fold(text) gin_trgm_ops);

-- References: a directive in the portal, or the number and title of an outside document.
create table directive_reference (
    directive_id            bigint not null,
    position                int    not null,
    referenced_directive_id bigint,
    outside_number          varchar(120),
    outside_title           varchar(500),
    constraint pk_directive_reference primary key (directive_id, position),
    constraint fk_directive_reference_directive foreign key (directive_id) references directive (id) on delete cascade,
    constraint fk_directive_reference_target foreign key (referenced_directive_id) references directive (id),
    constraint ck_directive_reference_kind check (referenced_directive_id is not null or outside_number is not null)
);

-- What the drafter chose in the unit picker (UNIT:12, SUBTREE:5, TYPE:PRIMARY), with its role.
create table directive_recipient_choice (
    directive_id bigint      not null,
    position     int         not null,
    token        varchar(60) not null,
    role         varchar(20) not null,
    constraint pk_directive_recipient_choice primary key (directive_id, position),
    constraint fk_directive_recipient_choice_directive foreign key (directive_id) references directive (id) on delete cascade,
    constraint ck_directive_recipient_choice_role check (role in ('IMPLEMENT', 'INFORM'))
);

-- The recipient units as they were on the day of publication: history never changes with the tree.
create table directive_recipient (
    directive_id bigint      not null,
    unit_id      bigint      not null,
    role         varchar(20) not null,
    constraint pk_directive_recipient primary key (directive_id, unit_id),
    constraint fk_directive_recipient_directive foreign key (directive_id) references directive (id),
    constraint fk_directive_recipient_unit foreign key (unit_id) references unit (id),
    constraint ck_directive_recipient_role check (role in ('IMPLEMENT', 'INFORM'))
);
create index ix_directive_recipient_unit on directive_recipient (unit_id);

-- Every published version as it was printed, so that amended directives keep their old text readable.
create table directive_version (
    directive_id bigint      not null,
    amendment    int         not null,
    change_note  varchar(2000),
    created_at   timestamptz not null,
    created_by   bigint,
    printed      jsonb       not null,
    constraint pk_directive_version primary key (directive_id, amendment),
    constraint fk_directive_version_directive foreign key (directive_id) references directive (id),
    constraint fk_directive_version_account foreign key (created_by) references account (id)
);

-- The lifecycle as the detail page shows it: who did what, when, with what comment.
create table directive_history (
    id           bigint generated always as identity,
    directive_id bigint       not null,
    action       varchar(30)  not null,
    actor_id     bigint,
    actor_name   varchar(200),
    occurred_at  timestamptz  not null,
    comment      varchar(2000),
    constraint pk_directive_history primary key (id),
    constraint fk_directive_history_directive foreign key (directive_id) references directive (id) on delete cascade
);
create index ix_directive_history_directive on directive_history (directive_id, occurred_at);
