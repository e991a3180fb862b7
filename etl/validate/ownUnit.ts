/**
 * A sender bound to one unit (a town's account, a scheduler source for a unit) may send that
 * unit's data only. The ingest refuses a file naming another unit of the registry with this
 * finding (etl/ingest.ts), and the upload page's precheck says the same before the file leaves the
 * browser (server/precheck/), so the clerk reads one message whichever way it is caught.
 */
import { type Finding, finding } from "../../core/finding.ts";

interface Named {
  code: string;
  name_zh: string;
  name_en: string;
}

export function otherUnitFinding(units: readonly Named[], own: string, others: readonly string[]): Finding {
  const unit = (code: string) => units.find((u) => u.code === code);
  const zh = (code: string) => unit(code)?.name_zh ?? code;
  const en = (code: string) => unit(code)?.name_en ?? code;
  return finding(
    null,
    null,
    "other_unit",
    `只能报送本单位（${zh(own)}）的数据，文件中含有其他单位：${others.map(zh).join("、")}。整份文件未入库。`,
    `Only your own unit's data (${en(own)}) may be sent here; the file names other units: ${others.map(en).join(", ")}. Nothing of the file was kept.`,
  );
}
