import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Warehouse } from "./db.ts";
import { currentNotes, listNotes, noteLookup, recordFileNotes, recordNote } from "./notes.ts";
import { withSnapshot } from "./snapshot.ts";

let db: Warehouse;
beforeEach(async () => {
  db = await Warehouse.open({ path: ":memory:" });
});
afterEach(async () => {
  await db.close();
});

const base = { role: "town", tokenId: 2, metric: "reemployed", month: "2022-08" };

describe("notes", () => {
  it("a later note of the same unit, metric and month is the shown one; the earlier stays as history", async () => {
    const first = await recordNote(db, {
      ...base,
      unit: "310118002",
      text: "原因：7月汛期，企业招聘推迟。",
      author: "盈浦经办人",
      at: new Date("2022-09-10T02:00:00Z"),
    });
    expect(first).toEqual({
      note_id: 1,
      unit: "310118002",
      metric: "reemployed",
      month: "2022-08",
      text: "原因：7月汛期，企业招聘推迟。",
      author: "盈浦经办人",
      at: "2022-09-10T10:00:00+08:00",
      current: true,
    });
    await recordNote(db, {
      ...base,
      unit: "310118102",
      text: "整改措施：9月举办两场专场招聘会。",
      author: "朱家角经办人",
      at: new Date("2022-09-11T01:30:00Z"),
    });
    await recordNote(db, {
      ...base,
      unit: "310118002",
      text: "原因：汛期；整改措施：9月专场招聘。",
      author: "盈浦经办人",
      at: new Date("2022-09-12T06:45:30.250Z"),
    });
    await recordNote(db, {
      ...base,
      month: "2022-07",
      unit: "310118002",
      text: "7月说明",
      author: "盈浦经办人",
      at: new Date("2022-08-05T01:00:00Z"),
    });

    const shown = await listNotes(db, { month: "2022-08", limit: 100, offset: 0 });
    expect(shown.total).toBe(2);
    expect(shown.notes.map((n) => [n.note_id, n.unit, n.current])).toEqual([
      [3, "310118002", true],
      [2, "310118102", true],
    ]);
    expect(shown.notes[0].at).toBe("2022-09-12T14:45:30.250+08:00");

    const history = await listNotes(db, { unit: "310118002", history: true, limit: 100, offset: 0 });
    expect(history.notes.map((n) => [n.note_id, n.month, n.current])).toEqual([
      [4, "2022-07", true],
      [3, "2022-08", true],
      [1, "2022-08", false],
    ]);
    const page = await listNotes(db, { history: true, limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(page.notes.map((n) => n.note_id)).toEqual([3, 2]);
  });

  it("currentNotes gives the shown note per unit and metric of a month; noteLookup gives units[].note", async () => {
    for (const [unit, text, at] of [
      ["310118002", "旧说明", "2022-09-10T02:00:00Z"],
      ["310118002", "新说明", "2022-09-12T02:00:00Z"],
      ["310118103", "练塘说明", "2022-09-11T02:00:00Z"],
    ]) {
      await recordNote(db, { ...base, unit, text, author: `author ${unit}`, at: new Date(at) });
    }
    await recordNote(db, {
      ...base,
      metric: "internship_posts",
      unit: "310118002",
      text: "见习说明",
      author: "盈浦经办人",
      at: new Date("2022-09-13T02:00:00Z"),
    });
    const notes = await currentNotes(db, { month: "2022-08" });
    expect(notes).toEqual([
      {
        unit: "310118002",
        metric: "internship_posts",
        month: "2022-08",
        text: "见习说明",
        author: "盈浦经办人",
        at: "2022-09-13T10:00:00+08:00",
      },
      {
        unit: "310118002",
        metric: "reemployed",
        month: "2022-08",
        text: "新说明",
        author: "author 310118002",
        at: "2022-09-12T10:00:00+08:00",
      },
      {
        unit: "310118103",
        metric: "reemployed",
        month: "2022-08",
        text: "练塘说明",
        author: "author 310118103",
        at: "2022-09-11T10:00:00+08:00",
      },
    ]);
    expect(await currentNotes(db, { month: "2022-07" })).toEqual([]);
    const lookup = noteLookup(notes);
    expect(lookup("reemployed", "310118002")).toEqual({
      text: "新说明",
      author: "author 310118002",
      at: "2022-09-12T10:00:00+08:00",
    });
    expect(lookup("reemployed", "310118102")).toBeNull();
    expect(lookup("hardship_employed", "310118002")).toBeNull();
  });

  it("a 备注 note explains the unit's month: shown for a metric with no note of its own where that metric is behind", async () => {
    const stored = await db.write((tx) =>
      recordFileNotes(
        tx,
        [
          { unit: "310118103", month: "2022-08", text: "汛期，招聘会推迟" },
          { unit: "310118002", month: "2022-08", text: "盈浦本月说明" },
        ],
        { author: "练塘经办人", at: "2022-09-03T09:00:00+08:00" },
      ),
    );
    expect(stored).toBe(2);
    await recordNote(db, {
      ...base,
      unit: "310118002",
      text: "再就业专项说明",
      author: "盈浦经办人",
      at: new Date("2022-09-04T02:00:00Z"),
    });
    // the same text again (a revision sent with the same 备注) is not a new note
    expect(
      await db.write((tx) =>
        recordFileNotes(tx, [{ unit: "310118103", month: "2022-08", text: "汛期，招聘会推迟" }], {
          author: "练塘经办人",
          at: "2022-09-05T09:00:00+08:00",
        }),
      ),
    ).toBe(0);
    const notes = await withSnapshot(db, (s) => currentNotes(s, { month: "2022-08" }));
    expect(notes.map((n) => [n.unit, n.metric, n.text])).toEqual([
      ["310118002", null, "盈浦本月说明"],
      ["310118103", null, "汛期，招聘会推迟"],
      ["310118002", "reemployed", "再就业专项说明"],
    ]);
    const lookup = noteLookup(notes);
    expect(lookup("reemployed", "310118002")?.text).toBe("再就业专项说明");
    expect(lookup("hardship_employed", "310118002")?.text).toBe("盈浦本月说明");
    expect(lookup("hardship_employed", "310118103")).toEqual({
      text: "汛期，招聘会推迟",
      author: "练塘经办人",
      at: "2022-09-03T09:00:00+08:00",
    });
    expect(lookup("hardship_employed", "310118103", false)).toBeNull();
    expect(lookup("reemployed", "310118002", false)?.text).toBe("再就业专项说明");
    // as reported on 3 September: the notes written by the end of that day only
    const early = await currentNotes(db, { month: "2022-08", by: "2022-09-03T23:59:59+08:00" });
    expect(early.map((n) => n.text)).toEqual(["盈浦本月说明", "汛期，招聘会推迟"]);
  });
});
