-- Login protection that an attacker cannot aim at someone else. Every password check is
-- recorded here (before it runs, so that parallel guesses count too) and forgotten once the
-- longest window has passed; a success removes the checks of its own account and client.
create table login_attempt (
    id           bigint generated always as identity,
    username     varchar(64)  not null,
    client       varchar(80)  not null,
    address      varchar(45)  not null,
    attempted_at timestamptz  not null,
    constraint pk_login_attempt primary key (id)
);
create index ix_login_attempt_username on login_attempt (username, attempted_at);
create index ix_login_attempt_client on login_attempt (username, client, attempted_at);
create index ix_login_attempt_address on login_attempt (address, attempted_at);
create index ix_login_attempt_at on login_attempt (attempted_at);

-- Browsers an account signed in from: a long-lived cookie whose SHA-256 is kept here.
create table account_device (
    id            bigint generated always as identity,
    account_id    bigint       not null,
    token_hash    char(64)     not null,
    first_seen_at timestamptz  not null,
    last_seen_at  timestamptz  not null,
    last_address  varchar(45),
    user_agent    varchar(500),
    constraint pk_account_device primary key (id),
    constraint uq_account_device_token unique (account_id, token_hash),
    constraint fk_account_device_account foreign key (account_id) references account (id) on delete cascade
);
create index ix_account_device_last_seen on account_device (last_seen_at);

-- Addresses an account signed in from.
create table account_known_address (
    account_id   bigint       not null,
    address      varchar(45)  not null,
    last_seen_at timestamptz  not null,
    constraint pk_account_known_address primary key (account_id, address),
    constraint fk_account_known_address_account foreign key (account_id) references account (id) on delete cascade
);
create index ix_account_known_address_last_seen on account_known_address (last_seen_at);
