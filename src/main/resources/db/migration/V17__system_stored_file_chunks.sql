-- File contents move out of stored_file into chunks of 1 MiB, so that a file is written and read
-- one chunk at a time and never held whole in memory. The chunks are already-compressed data
-- (images, video, packages), so PostgreSQL keeps them out of line without trying to compress them.
create table stored_file_chunk (
    file_id bigint  not null,
    seq     integer not null,
    data    bytea   not null,
    constraint pk_stored_file_chunk primary key (file_id, seq),
    constraint fk_stored_file_chunk_file foreign key (file_id) references stored_file (id) on delete cascade
);
alter table stored_file_chunk alter column data set storage external;

insert into stored_file_chunk (file_id, seq, data)
select f.id, s.seq, substring(f.content from (s.seq * 1048576 + 1)::integer for 1048576)
from stored_file f
cross join lateral generate_series(0, ((f.size_bytes - 1) / 1048576)::integer) as s(seq);

alter table stored_file drop column content;
