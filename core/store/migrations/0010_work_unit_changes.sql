-- A work unit's name, owner and tags feed attribution (owner and name-pattern rules, tag rules)
-- and the coverage map. They come from entity rows that may arrive after the unit's usage, so
-- the ledger stage compares each unit's new values with the stored ones and queues the days of
-- the units that changed: an incremental run then gives the figures a rebuild gives. Tags are
-- stored to make that comparison possible.
ALTER TABLE ledger_work_unit ADD COLUMN tags TEXT;

-- Numbered 0010, not 0008: 0009 reached main first, and a store at 9 never runs a lower number.
