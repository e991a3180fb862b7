/**
 * Passages of other cities' and districts' employment policies (testdata/passages.ts), each with
 * the commitments written by hand: the draft must find each (recall), add none (precision), and
 * read figure, kind, direction, judgement and due month as a person does.
 */
import { describe, expect, it } from "vitest";
import { policyBlocks } from "./policyBlocks.ts";
import { policyOutline } from "./policySentences.ts";
import { draftOf, simplify } from "./testdata/draftOf.ts";
import { PASSAGES } from "./testdata/passages.ts";

describe.each(PASSAGES.map((p) => [p.name, p] as const))("passage %s", (_name, passage) => {
  const draft = draftOf(passage.text, `${passage.name}.txt`);

  it("finds every hand-written commitment and nothing else", () => {
    const found = draft.commitments.map((c) => [c.target, c.kind, c.direction]);
    const expected = passage.commitments.map((e) => [e.target, e.kind, e.direction]);
    expect(found).toEqual(expected);
  });

  it.each(passage.commitments.map((e, i) => [i + 1, e] as const))(
    "commitment %i as written by hand",
    (i, e) => {
      const c = draft.commitments[i - 1];
      expect(c.quote).toContain(e.in);
      if (e.judged) expect(c.judged).toBe(e.judged);
      if (e.unit_of_count) expect(c.unitOfCount).toBe(e.unit_of_count);
      if (e.due) expect(c.due).toBe(e.due);
      if (e.item) expect(c.items.map((x) => x.key)).toContain(e.item);
    },
  );

  if (passage.responsible) {
    it("names the responsible bodies as the passage writes them", () => {
      const c = draft.commitments[0];
      if (c) expect(c.responsible).toEqual(passage.responsible);
      else expect(passage.commitments).toEqual([]);
    });
  }

  if (passage.funds) {
    it("lists the money as a fund, its amount read from the numerals", () => {
      expect(draft.funds.flatMap((f) => f.amounts)).toEqual(passage.funds);
    });
  }

  it("marks as unsure every commitment whose reported items are proposals", () => {
    for (const c of draft.commitments) {
      if (c.items.some((x) => x.proposed)) expect(c.confidence).not.toBe("high");
    }
  });

  it(`tells whether it read traditional characters (${passage.script})`, () => {
    expect(draft.plan.converted).toBe(passage.script !== "simplified");
  });
});

describe("what the passages teach beyond their figures", () => {
  const byName = (name: string) => {
    const p = PASSAGES.find((x) => x.name === name);
    if (!p) throw new Error(name);
    return draftOf(p.text, `${name}.txt`);
  };

  it("“十四五”期间 sets the period 2021–2025; a title's 2023—2025年 sets that period", () => {
    expect(byName("xian-2022").plan.period).toEqual({ first: "2021-01", last: "2025-12" });
    expect(byName("dongyang-2023").plan.period).toEqual({ first: "2023-01", last: "2025-12" });
  });

  it("a rate held within a limit (失业率控制在5.5%以内) is a cap on a proposed share item, not on a count", () => {
    const cap = byName("xian-2022").commitments[1];
    expect(cap.items).toMatchObject([{ role: "indicator", zh: "城镇调查失业率", proposed: true }]);
    expect(cap.unitOfCount).toBe("share");
  });

  it("the quote of a traditional text keeps its characters; its items are matched in simplified form", () => {
    const [zero, hardship, count] = byName("shanghai-2022-traditional").commitments;
    expect(zero.quote).toContain("確認後1個月內");
    expect(hardship.items[0].key).toBe("hardship");
    expect(count.name.zh).toBe("就业困难人员实现就业");
  });

  it("the responsible bodies of a numbered item apply to that item's sentences (东莞, （…负责）)", () => {
    const text = PASSAGES.find((p) => p.name === "dongguan-2021-traditional")?.text ?? "";
    const sentences = policyOutline(policyBlocks(text, simplify)).sentences;
    const of = (words: string) => sentences.find((s) => s.text.includes(words))?.responsible;
    expect(of("平穩有序實施")).toEqual(["市人力資源社會保障局", "市醫保局", "市財政局", "市稅務局"]);
    expect(of("征收殘疾人就業保障金")).toEqual(["市殘聯", "市財政局", "市稅務局"]);
    expect(of("放寬返還條件")).toEqual([]);
  });
});
