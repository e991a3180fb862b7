-- 007: the reported items, described for analysts. `indicators` holds one row per item key of the
-- plans' catalogue files (metrics/plans/catalogues/): its names, description, unit of count and
-- whether it is a flow (本月数) or a stock (期末数), and the plans whose catalogue holds it. It is
-- filled whenever the plans are loaded (warehouse/indicatorTable.ts); a key that no catalogue names
-- any more keeps its last description, so the facts already stored under it keep their meaning.
-- The keys of facts are unchanged by this step: every key of the earlier built-in list is a key of
-- the qingpu-2022 catalogue with the same meaning.
CREATE TABLE indicators (
  indicator VARCHAR PRIMARY KEY,
  name_zh VARCHAR NOT NULL,
  name_en VARCHAR NOT NULL,
  description_zh VARCHAR,
  description_en VARCHAR,
  unit_of_count VARCHAR NOT NULL,   -- 人, 个, 户, 家, 万元, 亿元 …
  flow VARCHAR NOT NULL,            -- flow (本月数) | stock (期末数)
  plans VARCHAR[] NOT NULL
);

CREATE VIEW v_indicators AS
SELECT indicator, name_zh, name_en, description_zh, description_en, unit_of_count, flow, plans FROM indicators;
