-- A command's arguments, so that a reply arriving after the command timed out (possibly at another
-- node) can still have its effect (the compartment of an open-compartment). Large arguments (a
-- print's document) are left out.
alter table device_command add column args jsonb;
