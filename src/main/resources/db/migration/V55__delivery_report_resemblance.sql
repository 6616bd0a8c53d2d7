-- Copy-pasted reports: the narrative of a report as last submitted (its tasks' narratives
-- together) is compared with the other units' reports on the same directive and period by
-- trigram similarity (pg_trgm, created in V1); each pair found above the threshold is kept
-- both ways, for the reviewer to judge. Nothing is refused because of it.
alter table report add column submitted_narrative text;

update report r
set submitted_narrative = (select string_agg(t.narrative, E'\n\n' order by t.position)
                           from report_task t where t.report_id = r.id and btrim(coalesce(t.narrative, '')) <> '')
where r.revision > 0;

create index ix_report_submitted_narrative_trgm on report using gin (submitted_narrative gin_trgm_ops);

create table report_resemblance (
    report_id       bigint       not null,
    other_report_id bigint       not null,
    similarity      real         not null,
    found_at        timestamptz  not null,
    constraint pk_report_resemblance primary key (report_id, other_report_id),
    constraint fk_report_resemblance_report foreign key (report_id) references report (id) on delete cascade,
    constraint fk_report_resemblance_other foreign key (other_report_id) references report (id) on delete cascade,
    constraint ck_report_resemblance_other check (report_id <> other_report_id)
);
create index ix_report_resemblance_other on report_resemblance (other_report_id);
