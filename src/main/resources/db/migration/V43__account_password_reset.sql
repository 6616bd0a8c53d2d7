-- Password reset links sent by e-mail: single-use, short-lived, only their SHA-256 kept.
create table password_reset_token (
    id         bigint generated always as identity,
    account_id bigint       not null,
    token_hash char(64)     not null,
    created_at timestamptz  not null,
    expires_at timestamptz  not null,
    used_at    timestamptz,
    constraint pk_password_reset_token primary key (id),
    constraint uq_password_reset_token_hash unique (token_hash),
    constraint fk_password_reset_token_account foreign key (account_id) references account (id) on delete cascade
);
create index ix_password_reset_token_account on password_reset_token (account_id, created_at);
