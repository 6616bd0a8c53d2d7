-- Implementation reports (báo cáo kết quả thực hiện): one per assignment and period owed. Staff
-- draft, the leader submits (late ones are accepted and marked), a department officer accepts or
-- returns it; every submitted version is kept as it was.
create table report (
    id              bigint generated always as identity,
    assignment_id   bigint        not null,
    period_due      date          not null,
    status          varchar(20)   not null,
    figures         varchar(4000),
    revision        int           not null default 0,
    updated_at      timestamptz   not null,
    updated_by      bigint        not null,
    submitted_at    timestamptz,
    submitted_by    bigint,
    submitted_late  boolean,
    reviewed_at     timestamptz,
    reviewed_by     bigint,
    review_comment  varchar(2000),
    version         bigint        not null default 0,
    constraint pk_report primary key (id),
    constraint uq_report_assignment_period unique (assignment_id, period_due),
    constraint fk_report_assignment foreign key (assignment_id) references assignment (id),
    constraint fk_report_updated_by foreign key (updated_by) references account (id),
    constraint fk_report_submitted_by foreign key (submitted_by) references account (id),
    constraint fk_report_reviewed_by foreign key (reviewed_by) references account (id),
    constraint ck_report_status check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED')),
    constraint ck_report_submitted check (status = 'DRAFT' or submitted_at is not null)
);
create index ix_report_status on report (status, submitted_at);

-- Each task's status and narrative in the report.
create table report_task (
    report_id bigint        not null,
    position  int           not null,
    status    varchar(20)   not null,
    narrative varchar(8000),
    constraint pk_report_task primary key (report_id, position),
    constraint fk_report_task_report foreign key (report_id) references report (id) on delete cascade,
    constraint ck_report_task_status check (status in ('DONE', 'IN_PROGRESS', 'NOT_STARTED'))
);

-- Every submitted version as it was submitted, with what the review said of it.
create table report_revision (
    report_id      bigint       not null,
    revision       int          not null,
    submitted_at   timestamptz  not null,
    submitted_by   bigint       not null,
    submitted_late boolean      not null,
    content        jsonb        not null,
    outcome        varchar(20),
    reviewed_at    timestamptz,
    reviewed_by    bigint,
    review_comment varchar(2000),
    constraint pk_report_revision primary key (report_id, revision),
    constraint fk_report_revision_report foreign key (report_id) references report (id),
    constraint ck_report_revision_outcome check (outcome in ('ACCEPTED', 'RETURNED'))
);
