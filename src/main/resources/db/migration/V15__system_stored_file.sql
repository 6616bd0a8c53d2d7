-- Files that users attach (a directive's signed copy and appendices, a report's evidence), kept in
-- PostgreSQL behind one small store, so that an object store can replace it later. The owner is a
-- row of another module's table, named by its type and id.
create table stored_file (
    id          bigint generated always as identity,
    owner_type  varchar(30)  not null,
    owner_id    bigint       not null,
    kind        varchar(30)  not null,
    file_name   varchar(200) not null,
    media_type  varchar(120) not null,
    size_bytes  bigint       not null,
    sha256      char(64)     not null,
    content     bytea        not null,
    uploaded_by bigint       not null,
    uploaded_at timestamptz  not null default now(),
    constraint pk_stored_file primary key (id),
    constraint fk_stored_file_account foreign key (uploaded_by) references account (id),
    constraint ck_stored_file_size check (size_bytes > 0)
);
create index ix_stored_file_owner on stored_file (owner_type, owner_id);
