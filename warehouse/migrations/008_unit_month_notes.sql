-- 008: a note may explain a unit's month as a whole rather than one metric: the 备注 column of a
-- monthly report (etl/monthly/parseMonthly.ts) is the unit's explanation of that month, stored
-- with `metric` null, its author the file's sender. A metric's own note, when there is one, is
-- the one shown beside that metric; the month's note stands beside its yellow and red ones.
ALTER TABLE notes ALTER COLUMN metric DROP NOT NULL;
