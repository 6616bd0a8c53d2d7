-- One-time codes (RFC 6238) as a second factor, and the single-use recovery codes that
-- stand in for the authenticator app when it is lost.
create table account_totp (
    account_id     bigint       not null,
    secret         varchar(64)  not null,
    enrolled_at    timestamptz  not null,
    last_used_step bigint       not null default 0,
    constraint pk_account_totp primary key (account_id),
    constraint fk_account_totp_account foreign key (account_id) references account (id) on delete cascade
);

create table account_recovery_code (
    id         bigint generated always as identity,
    account_id bigint       not null,
    code_hash  varchar(200) not null,
    used_at    timestamptz,
    constraint pk_account_recovery_code primary key (id),
    constraint fk_account_recovery_code_account foreign key (account_id) references account (id) on delete cascade
);
create index ix_account_recovery_code_account on account_recovery_code (account_id) where used_at is null;
