import { describe, expect, it } from "vitest";
import { addCalendarMonths, caseDeadlineSql, deadlineOf } from "./caseDeadline.ts";

describe("deadlines", () => {
  it("01-31 + 1 month is 02-28 in 2022 and 02-29 in 2024", () => {
    expect(addCalendarMonths("2022-01-31", 1)).toBe("2022-02-28");
    expect(addCalendarMonths("2024-01-31", 1)).toBe("2024-02-29");
  });

  it("a hardship person identified on 2022-11-30 is due 2023-02-28", () => {
    expect(deadlineOf("hardship", "2022-11-30")).toBe("2023-02-28");
  });

  it("a zero-employment family identified on 2022-12-15 is due 2023-01-15", () => {
    expect(deadlineOf("zero_family", "2022-12-15")).toBe("2023-01-15");
  });

  it("a hardship person identified on 2022-08-31 is due 2022-11-30", () => {
    expect(deadlineOf("hardship", "2022-08-31")).toBe("2022-11-30");
  });

  it("a zero-employment family identified on 2023-12-31 is due 2024-01-31", () => {
    expect(deadlineOf("zero_family", "2023-12-31")).toBe("2024-01-31");
  });
});

describe("caseDeadlineSql", () => {
  it("caseDeadlineSql('category', 'identified_on') adds one month for a family, three otherwise, as a DATE", () => {
    expect(caseDeadlineSql("category", "identified_on")).toBe(
      "CAST(identified_on + CASE category WHEN 'zero_family' THEN INTERVAL 1 MONTH ELSE INTERVAL 3 MONTH END AS DATE)",
    );
  });
});
