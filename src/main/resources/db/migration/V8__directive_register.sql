-- The outgoing register (sổ đăng ký văn bản đi): one counter per issuing unit and calendar year.
-- Numbers start at 1 on 1 January, are gapless and never reused: a publication takes the next one
-- in its own transaction, so a publication that fails gives its number back.
create table directive_register (
    issuer_unit_id bigint not null,
    year           int    not null,
    last_number    int    not null,
    constraint pk_directive_register primary key (issuer_unit_id, year),
    constraint fk_directive_register_unit foreign key (issuer_unit_id) references unit (id),
    constraint ck_directive_register_positive check (last_number > 0)
);
