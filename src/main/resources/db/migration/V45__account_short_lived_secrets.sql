-- What one instance hands over to another for a few minutes, so that any instance behind the
-- proxy can answer the next request.

-- The temporary passwords of an account import, for one download by the administrator who ran it:
-- the CSV encrypted with AES-GCM under a key derived from portal.secret (never in clear), found by
-- the SHA-256 of the token the result page carries, deleted by the download, swept when expired.
create table import_credentials (
    token_hash bytea not null,
    administrator_id bigint not null,
    content bytea not null,
    expires_at timestamptz not null,
    constraint pk_import_credentials primary key (token_hash),
    constraint fk_import_credentials_account foreign key (administrator_id) references account (id) on delete cascade
);
create index ix_import_credentials_expires on import_credentials (expires_at);

-- The options of a passkey registration under way (challenge, user, relying party...), as JSON,
-- found by the SHA-256 of a random key the session holds; deleted when read back, swept when expired.
create table passkey_registration (
    key_hash bytea not null,
    options jsonb not null,
    expires_at timestamptz not null,
    constraint pk_passkey_registration primary key (key_hash)
);
create index ix_passkey_registration_expires on passkey_registration (expires_at);
