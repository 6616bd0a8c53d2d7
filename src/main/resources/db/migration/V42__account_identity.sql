-- Identities of the province's identity provider linked to portal accounts. A link is
-- made at the first single sign-on whose claim names an existing account, never by
-- creating an account.
create table account_identity (
    account_id    bigint        not null,
    issuer        varchar(500)  not null,
    subject       varchar(255)  not null,
    linked_at     timestamptz   not null,
    last_login_at timestamptz   not null,
    constraint pk_account_identity primary key (issuer, subject),
    constraint fk_account_identity_account foreign key (account_id) references account (id) on delete cascade
);
create index ix_account_identity_account on account_identity (account_id);
