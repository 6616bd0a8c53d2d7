-- The unit's electronic identifier code (mã định danh điện tử, Decision 20/2020/QĐ-TTg), by which
-- the province's document systems address it: an opaque string of up to 35 characters of 0-9 A-Z .,
-- unique among open units (a closed unit's code may pass to the unit that replaces it).
alter table unit add column agency_code varchar(35);
alter table unit add constraint ck_unit_agency_code check (agency_code ~ '^[0-9A-Z.]{1,35}$');
create unique index uq_unit_agency_code_open on unit (agency_code) where valid_to is null and agency_code is not null;
create index ix_unit_agency_code on unit (agency_code) where agency_code is not null;

-- Searchable by it too.
drop index ix_unit_search;
alter table unit drop column search_text;
alter table unit add column search_text text generated always as (portal_fold(code || ' ' || name || ' '
    || coalesce(short_name, '') || ' ' || coalesce(agency_code, ''))) stored;
create index ix_unit_search on unit using gin (search_text gin_trgm_ops);
