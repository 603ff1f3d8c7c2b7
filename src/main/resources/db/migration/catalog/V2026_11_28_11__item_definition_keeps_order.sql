-- An item's definition keeps its text as written: jsonb would sort an object's keys, and the order
-- of a form's properties is the order of the fields on the kiosk screen (docs/applications.md).
-- Definitions stored before this change keep jsonb's order until their item gets a new version.
alter table catalog_item_version alter column definition type json using definition::json;
