-- Directives registered in another document system (the province's register) and brought in as an
-- edXML package: numbered by that register, not by the portal's, and remembered as such.
alter table directive add column registered_elsewhere boolean not null default false;
-- The sender's document id (OrganId,yyyy/MM/dd,Number/Notation), to answer with status packages.
alter table directive add column source_document_id varchar(200);
