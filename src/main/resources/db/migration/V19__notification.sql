-- Notifications (domain.md §6): every message is in-app for its account, and may also go out by
-- e-mail through an outbox written in the same transaction as the event that caused it.

-- What each account receives by e-mail: everything, urgent messages only, or one daily digest.
create table notification_preference (
    account_id  bigint      not null,
    email_mode  varchar(10) not null,
    digest_hour integer     not null default 7,
    updated_at  timestamptz not null default now(),
    constraint pk_notification_preference primary key (account_id),
    constraint fk_notification_preference_account foreign key (account_id) references account (id) on delete cascade,
    constraint ck_notification_preference_mode check (email_mode in ('ALL', 'URGENT', 'DIGEST')),
    constraint ck_notification_preference_hour check (digest_hour between 0 and 23)
);

-- The in-app messages. The text is made from the kind and its arguments in the reader's language;
-- a message never holds the restricted part of an incident, only a link.
create table notification (
    id         bigint generated always as identity,
    account_id bigint       not null,
    kind       varchar(40)  not null,
    urgent     boolean      not null,
    args       jsonb        not null,
    link       varchar(300) not null,
    created_at timestamptz  not null default now(),
    read_at    timestamptz,
    constraint pk_notification primary key (id),
    constraint fk_notification_account foreign key (account_id) references account (id) on delete cascade
);
create index ix_notification_account on notification (account_id, created_at desc);
create index ix_notification_unread on notification (account_id) where read_at is null;

-- The outbox: one row per e-mail to send, a notification's or a digest's. PENDING rows are sent by
-- the sender job, which claims a row (SENDING) in a transaction of its own before talking to SMTP
-- and marks it SENT after; a claim that outlived its sender (a crash in between) becomes UNCERTAIN
-- and is never sent again on its own: an administrator decides. FAILED rows were refused for good.
create table outbox_mail (
    id              bigint generated always as identity,
    account_id      bigint       not null,
    notification_id bigint,
    digest_until    timestamptz,
    status          varchar(10)  not null default 'PENDING',
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    claimed_until   timestamptz,
    address         varchar(254),
    last_error      varchar(500),
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz,
    constraint pk_outbox_mail primary key (id),
    constraint fk_outbox_mail_account foreign key (account_id) references account (id) on delete cascade,
    constraint fk_outbox_mail_notification foreign key (notification_id) references notification (id) on delete cascade,
    constraint ck_outbox_mail_status check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'UNCERTAIN')),
    constraint ck_outbox_mail_what check ((notification_id is null) <> (digest_until is null))
);
create index ix_outbox_mail_due on outbox_mail (next_attempt_at, id) where status = 'PENDING';
create index ix_outbox_mail_status on outbox_mail (status, created_at desc);

-- Addresses that the mail server refused for good, for the administrator.
create table mail_address_problem (
    address    varchar(254) not null,
    reason     varchar(500) not null,
    noticed_at timestamptz  not null default now(),
    constraint pk_mail_address_problem primary key (address)
);

-- Each reminder once: a deadline of an assignment, at a stage (2 working days before, on the day,
-- overdue, escalated), whichever instance of the portal runs the job.
create table reminder_sent (
    assignment_id bigint      not null,
    deadline      varchar(20) not null,
    stage         varchar(20) not null,
    due_on        date        not null,
    sent_at       timestamptz not null default now(),
    constraint pk_reminder_sent primary key (assignment_id, deadline, stage, due_on)
);

-- ShedLock: one instance runs each scheduled job at a time.
create table shedlock (
    name       varchar(64)  not null,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null,
    constraint pk_shedlock primary key (name)
);

-- One digest per account and hour, however many instances make digests.
create unique index uq_outbox_mail_digest on outbox_mail (account_id, digest_until) where digest_until is not null;
