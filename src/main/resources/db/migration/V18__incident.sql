-- Social-media incidents (domain.md §4): reported by a unit, triaged by the Department under
-- response-time targets. Names of the people involved live in a table of their own, which lists
-- and exports never read; evidence files are stored_file rows owned by ('INCIDENT', id).

-- The targets per severity, which an administrator edits: report within hours of detection;
-- triage within hours or working days of submission.
create table incident_target (
    severity            integer     not null,
    report_within_hours integer     not null,
    triage_within       integer     not null,
    triage_unit         varchar(12) not null,
    updated_at          timestamptz,
    updated_by          bigint,
    constraint pk_incident_target primary key (severity),
    constraint ck_incident_target_severity check (severity between 1 and 4),
    constraint ck_incident_target_positive check (report_within_hours > 0 and triage_within > 0),
    constraint ck_incident_target_unit check (triage_unit in ('HOURS', 'WORKING_DAYS')),
    constraint fk_incident_target_account foreign key (updated_by) references account (id)
);
insert into incident_target (severity, report_within_hours, triage_within, triage_unit) values
    (1, 168, 5, 'WORKING_DAYS'),
    (2, 24, 2, 'WORKING_DAYS'),
    (3, 12, 8, 'HOURS'),
    (4, 2, 2, 'HOURS');

-- Whether a unit lets its staff submit incidents (otherwise its leaders do).
create table incident_unit_setting (
    unit_id          bigint      not null,
    staff_may_submit boolean     not null,
    updated_at       timestamptz not null default now(),
    updated_by       bigint      not null,
    constraint pk_incident_unit_setting primary key (unit_id),
    constraint fk_incident_unit_setting_unit foreign key (unit_id) references unit (id),
    constraint fk_incident_unit_setting_account foreign key (updated_by) references account (id)
);

create table incident (
    id                  bigint generated always as identity,
    form_key            uuid         not null,
    unit_id             bigint       not null,
    reporter_id         bigint       not null,
    status              varchar(20)  not null,
    detected_at         timestamptz,
    occurred_at         timestamptz,
    platform            varchar(20),
    category            varchar(4),
    severity            integer,
    summary             text,
    reach_views         integer,
    reach_shares        integer,
    press               varchar(20)  not null default 'NONE',
    directive_id        bigint,
    submitted_at        timestamptz,
    submitted_by        bigint,
    report_due_at       timestamptz,
    reported_late       boolean,
    triage_due_at       timestamptz,
    reviewer_id         bigint,
    accepted_at         timestamptz,
    escalated_agency    varchar(200),
    escalated_on        date,
    escalated_reference varchar(100),
    resolution          varchar(30),
    resolved_at         timestamptz,
    closed_at           timestamptz,
    restricted_erased_at timestamptz,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    updated_by          bigint       not null,
    version             bigint       not null default 0,
    constraint pk_incident primary key (id),
    constraint uq_incident_form_key unique (form_key),
    constraint fk_incident_unit foreign key (unit_id) references unit (id),
    constraint fk_incident_reporter foreign key (reporter_id) references account (id),
    constraint fk_incident_submitted_by foreign key (submitted_by) references account (id),
    constraint fk_incident_reviewer foreign key (reviewer_id) references account (id),
    constraint fk_incident_updated_by foreign key (updated_by) references account (id),
    constraint fk_incident_directive foreign key (directive_id) references directive (id),
    constraint ck_incident_status check (status in ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'NEEDS_INFO',
                                                    'ESCALATED', 'RESOLVED', 'CLOSED')),
    constraint ck_incident_severity check (severity between 1 and 4),
    constraint ck_incident_submitted check (status = 'DRAFT' or (submitted_at is not null and detected_at is not null
        and platform is not null and category is not null and severity is not null and summary is not null
        and report_due_at is not null and triage_due_at is not null and reported_late is not null)),
    constraint ck_incident_accepted check (status in ('DRAFT', 'SUBMITTED')
        or (reviewer_id is not null and accepted_at is not null)),
    constraint ck_incident_resolved check (status not in ('RESOLVED', 'CLOSED')
        or (resolution is not null and resolved_at is not null)),
    constraint ck_incident_reach check (reach_views >= 0 and reach_shares >= 0)
);
create index ix_incident_unit on incident (unit_id, status);
create index ix_incident_queue on incident (status, reviewer_id, severity desc, triage_due_at)
    where status not in ('DRAFT', 'CLOSED');
create index ix_incident_reviewer on incident (reviewer_id) where reviewer_id is not null;
create index ix_incident_detected on incident (detected_at);
create index ix_incident_summary on incident using gin (portal_fold(summary) gin_trgm_ops);

-- The URLs reported, each with its key: the same post or account however its URL was written.
create table incident_url (
    incident_id bigint        not null,
    position    integer       not null,
    url         varchar(2000) not null,
    url_key     varchar(600)  not null,
    constraint pk_incident_url primary key (incident_id, position),
    constraint fk_incident_url_incident foreign key (incident_id) references incident (id) on delete cascade
);
create index ix_incident_url_key on incident_url (url_key);
create index ix_incident_url_text on incident_url using gin (portal_fold(url) gin_trgm_ops);

-- The people involved, by role and age band only: no names here.
create table incident_person (
    incident_id bigint      not null,
    position    integer     not null,
    role        varchar(20) not null,
    age_band    varchar(20) not null,
    head_count  integer     not null,
    constraint pk_incident_person primary key (incident_id, position),
    constraint fk_incident_person_incident foreign key (incident_id) references incident (id) on delete cascade,
    constraint ck_incident_person_count check (head_count between 1 and 9999)
);

create table incident_action (
    incident_id bigint      not null,
    action      varchar(30) not null,
    constraint pk_incident_action primary key (incident_id, action),
    constraint fk_incident_action_incident foreign key (incident_id) references incident (id) on delete cascade
);

-- Every step of the workflow: who moved it, when, from where to where, and why.
create table incident_step (
    incident_id bigint      not null,
    position    integer     not null,
    taken_at    timestamptz not null,
    actor_id    bigint      not null,
    from_status varchar(20),
    to_status   varchar(20) not null,
    note        text,
    constraint pk_incident_step primary key (incident_id, position),
    constraint fk_incident_step_incident foreign key (incident_id) references incident (id) on delete cascade,
    constraint fk_incident_step_actor foreign key (actor_id) references account (id)
);

-- The thread: comments internal to the Department, or shared with the reporting unit.
create table incident_comment (
    id          bigint generated always as identity,
    incident_id bigint      not null,
    author_id   bigint      not null,
    written_at  timestamptz not null,
    body        text        not null,
    shared      boolean     not null,
    constraint pk_incident_comment primary key (id),
    constraint fk_incident_comment_incident foreign key (incident_id) references incident (id) on delete cascade,
    constraint fk_incident_comment_author foreign key (author_id) references account (id)
);
create index ix_incident_comment_incident on incident_comment (incident_id, written_at);

-- The restricted part: names of the people involved. Shown only to the reporting unit's
-- leaders, the assigned reviewer and department leaders, and every view is audited.
create table incident_names (
    incident_id bigint      not null,
    names       text        not null,
    updated_at  timestamptz not null,
    updated_by  bigint      not null,
    constraint pk_incident_names primary key (incident_id),
    constraint fk_incident_names_incident foreign key (incident_id) references incident (id) on delete cascade,
    constraint fk_incident_names_account foreign key (updated_by) references account (id)
);

-- A new-incident form before its first successful save: the files it already received wait
-- here (stored_file rows owned by ('INCIDENT_FORM', id)), so that a save refused for a field
-- loses no upload. Its key is the incident's idempotency key.
create table incident_form (
    id         bigint generated always as identity,
    form_key   uuid        not null,
    account_id bigint      not null,
    created_at timestamptz not null default now(),
    constraint pk_incident_form primary key (id),
    constraint uq_incident_form_form_key unique (form_key),
    constraint fk_incident_form_account foreign key (account_id) references account (id)
);
