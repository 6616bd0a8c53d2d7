-- An edXML package uploaded and shown for confirmation: kept in the database (not in one instance's
-- temporary folder) until its uploader confirms it, for a day at most; once confirmed it keeps the
-- directive it made (its bytes emptied), so that a confirmation sent twice leads to the same one.
create table interop_pending_import (
    id         uuid         not null,
    account_id bigint       not null,
    file_name  varchar(255),
    content    bytea        not null,
    directive_id bigint,
    created_at timestamptz  not null default now(),
    constraint pk_interop_pending_import primary key (id),
    constraint fk_interop_pending_import_account foreign key (account_id) references account (id),
    constraint fk_interop_pending_import_directive foreign key (directive_id) references directive (id)
);
create index ix_interop_pending_import_created on interop_pending_import (created_at);
