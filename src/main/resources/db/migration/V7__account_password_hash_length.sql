-- PBKDF2 hashes with their encoder prefix are longer than BCrypt's.
alter table account alter column password_hash type varchar(255);
