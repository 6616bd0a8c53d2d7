-- Search folds case and Vietnamese diacritics on both sides ("giong trom" finds "Giồng Trôm").
-- CREATE EXTENSION needs a privileged role; see the README for what a database owner must allow.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE; this wrapper pins the dictionary so it can back indexes and generated columns.
create or replace function portal_fold(value text) returns text
    language sql immutable parallel safe strict
as $$ select lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
