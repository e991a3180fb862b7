import { describe, expect, it } from "vitest";
import { htmlPolicyText } from "./htmlPolicyText.ts";

describe("htmlPolicyText: mammoth's HTML → the text the drafter reads", () => {
  it("keeps Word headings as # lines, bold runs as **…**, one paragraph a line", () => {
    const html =
      "<h1>某区关于稳就业的实施意见</h1><h2>一、总体要求</h2><p><strong>（一）</strong><strong>指导思想。</strong>确保就业大局稳定。</p><p>第二段&amp;附注&lt;一&gt;</p>";
    expect(htmlPolicyText(html)).toBe(
      "# 某区关于稳就业的实施意见\n\n## 一、总体要求\n\n**（一）指导思想。**确保就业大局稳定。\n\n第二段&附注<一>\n",
    );
  });

  it("puts each table row and list item on its own line, cells apart", () => {
    const html =
      "<table><tr><td><p>指标</p></td><td><p>目标</p></td></tr><tr><td>新增就业</td><td>5万人</td></tr></table><ul><li>其一</li><li>其二</li></ul>";
    expect(htmlPolicyText(html)).toBe("指标\n\n目标\n\n新增就业 5万人\n\n其一\n\n其二\n");
  });
});
