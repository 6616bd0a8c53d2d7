-- The issued directives of each issuer in the order of the directive list (newest first, then by
-- number), so that the list of a Department or a district office reads the directives of each
-- issuer it sees in that order and stops at the end of the page (DirectiveQueries.pageInOrder).
-- From the index of all directives by date, a reader of one Department of many walks the others'
-- directives too (on the generated country, about 34 for each one it shows).
create index ix_directive_issuer_issued on directive (issuer_unit_id, issued_on desc, number desc nulls first, id desc)
    where issued_on is not null;
