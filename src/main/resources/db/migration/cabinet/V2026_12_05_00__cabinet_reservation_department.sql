-- Issue 11: a reservation says whose paper or result it holds, so only that department's collectors
-- are texted and may open it. Rows from the first slice (none in use yet) belong to no department.
alter table cabinet_reservation add column department varchar(20) not null default '';
alter table cabinet_reservation alter column department drop default;
