-- Requests made outside the portal about an incident: to a platform (its report or case
-- number, what was asked) or to an agency (its reference, a contact), with the date sent,
-- the answer and its date, and the outcome. Recorded by the Department's reviewers; one
-- form key makes one request however often the form is sent.
create table incident_request (
    id           bigint generated always as identity,
    incident_id  bigint        not null,
    form_key     uuid          not null,
    platform     varchar(20),
    asked        varchar(20),
    agency       varchar(30),
    reference    varchar(100),
    contact      varchar(200),
    sent_on      date          not null,
    answer       varchar(2000),
    answered_on  date,
    outcome      varchar(20),
    created_at   timestamptz   not null,
    created_by   bigint        not null,
    updated_at   timestamptz   not null,
    updated_by   bigint        not null,
    version      bigint        not null default 0,
    constraint pk_incident_request primary key (id),
    constraint uq_incident_request_form_key unique (form_key),
    constraint fk_incident_request_incident foreign key (incident_id) references incident (id) on delete cascade,
    constraint fk_incident_request_created_by foreign key (created_by) references account (id),
    constraint fk_incident_request_updated_by foreign key (updated_by) references account (id),
    constraint ck_incident_request_target check ((platform is null) <> (agency is null)),
    constraint ck_incident_request_asked check ((platform is null) = (asked is null)),
    constraint ck_incident_request_platform check (platform in ('FACEBOOK', 'ZALO', 'TIKTOK', 'YOUTUBE', 'INSTAGRAM',
        'MESSENGER', 'TELEGRAM', 'WEBSITE', 'OTHER')),
    constraint ck_incident_request_asked_value check (asked in ('REMOVE', 'RESTRICT', 'PRESERVE_EVIDENCE')),
    constraint ck_incident_request_agency check (agency in ('POLICE', 'INFORMATION_DEPARTMENT', 'OTHER')),
    constraint ck_incident_request_outcome check (outcome in ('REMOVED', 'RESTRICTED', 'REFUSED', 'NO_ANSWER')),
    constraint ck_incident_request_answered check (answered_on is null or answered_on >= sent_on)
);
create index ix_incident_request_incident on incident_request (incident_id, sent_on);
-- The requests still waiting for an answer, oldest first (the reviewer's home page).
create index ix_incident_request_waiting on incident_request (sent_on) where answered_on is null and outcome is null;
