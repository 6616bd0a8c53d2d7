-- The audit trail: append-only. The database itself refuses UPDATE, DELETE and TRUNCATE.
create table audit_event (
    id            bigint generated always as identity,
    occurred_at   timestamptz  not null default now(),
    actor         varchar(64),
    actor_unit_id bigint,
    action        varchar(60)  not null,
    object_type   varchar(40),
    object_id     varchar(64),
    details       jsonb,
    ip            varchar(45),
    user_agent    varchar(500),
    constraint pk_audit_event primary key (id)
);
create index ix_audit_event_occurred on audit_event (occurred_at desc, id desc);
create index ix_audit_event_actor on audit_event (lower(actor), occurred_at desc);
create index ix_audit_event_action on audit_event (action, occurred_at desc);
create index ix_audit_event_login_failure_ip on audit_event (ip, occurred_at) where action = 'LOGIN_FAILURE';

create function audit_event_refuse_change() returns trigger
    language plpgsql
as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger trg_audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_refuse_change();

create trigger trg_audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_refuse_change();
