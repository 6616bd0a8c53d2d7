-- Personal access tokens for the REST API: the secret is shown once; only its SHA-256 is kept (a
-- random 256-bit secret needs no slow hash). Scopes are a subset of the owner's permissions.
create table api_token (
    id           bigint generated always as identity,
    account_id   bigint       not null,
    name         varchar(100) not null,
    token_hash   varchar(64)  not null,
    prefix       varchar(12)  not null,
    scopes       varchar(300) not null,
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz  not null,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    constraint pk_api_token primary key (id),
    constraint uq_api_token_hash unique (token_hash),
    constraint fk_api_token_account foreign key (account_id) references account (id),
    constraint ck_api_token_expiry check (expires_at > created_at)
);
create index ix_api_token_account on api_token (account_id, created_at desc);
