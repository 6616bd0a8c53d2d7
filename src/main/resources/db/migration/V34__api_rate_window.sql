-- The API's rate limit, shared by every instance: one row per caller (a personal access token or a
-- machine client), counting its requests in the current window. The window starts at the caller's
-- first request after the previous one ended, in the database's clock, so instances with skewed
-- clocks agree. One row per caller ever seen: a few thousand rows at most, never swept.
create table api_rate_window (
    caller       varchar(200) not null,
    window_start timestamptz  not null,
    requests     integer      not null,
    constraint pk_api_rate_window primary key (caller)
);
