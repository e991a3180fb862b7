import { QINGPU_2022_CATALOGUE } from "./catalogue.ts";

/** The unit registry of docs/contract.md §2, as the tests' context (fixtures/units.csv holds these and 区财政局). */
export const UNITS = [
  { code: "310118001", name_zh: "夏阳街道", name_en: "Xiayang Subdistrict", kind: "subdistrict" },
  { code: "310118002", name_zh: "盈浦街道", name_en: "Yingpu Subdistrict", kind: "subdistrict" },
  { code: "310118003", name_zh: "香花桥街道", name_en: "Xianghuaqiao Subdistrict", kind: "subdistrict" },
  { code: "310118102", name_zh: "朱家角镇", name_en: "Zhujiajiao Town", kind: "town" },
  { code: "310118103", name_zh: "练塘镇", name_en: "Liantang Town", kind: "town" },
  { code: "310118104", name_zh: "金泽镇", name_en: "Jinze Town", kind: "town" },
  { code: "310118105", name_zh: "赵巷镇", name_en: "Zhaoxiang Town", kind: "town" },
  { code: "310118106", name_zh: "徐泾镇", name_en: "Xujing Town", kind: "town" },
  { code: "310118107", name_zh: "华新镇", name_en: "Huaxin Town", kind: "town" },
  { code: "310118109", name_zh: "重固镇", name_en: "Chonggu Town", kind: "town" },
  { code: "310118110", name_zh: "白鹤镇", name_en: "Baihe Town", kind: "town" },
  { code: "D-SASAC", name_zh: "区国资委", name_en: "District SASAC", kind: "department" },
  { code: "D-HRSS", name_zh: "区人力资源社会保障局", name_en: "District HRSS Bureau", kind: "department" },
  { code: "D-FIN", name_zh: "区金融工作局", name_en: "District Finance Office", kind: "department" },
];

/** The qingpu-2022 plan's period as of September 2022: months 2021-12 (baseline) to 2022-09 are open. */
export const CONTEXT_2022 = {
  units: UNITS,
  periods: [{ first: "2022-01", last: "2022-12", catalogue: QINGPU_2022_CATALOGUE }],
  currentMonth: "2022-09",
};
