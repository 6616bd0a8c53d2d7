-- The holidays an administrator keeps per year (Tết moves every year, and the government moves
-- days each year): every deadline counted in working days skips them and the weekends.
create table holiday (
    day        date         not null,
    name       varchar(200) not null,
    created_at timestamptz  not null default now(),
    constraint pk_holiday primary key (day)
);
