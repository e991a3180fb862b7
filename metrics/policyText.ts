/**
 * The policy text as the plan's quotes are held against it: the published document keeps its
 * page breaks and the spaces a PDF conversion puts around numbers (确保 2022 年内), and markdown
 * emphasis; a quote is verbatim when it appears once those are taken away from both sides.
 */

/** The text with whitespace and markdown emphasis (`**`) removed. */
export function policyText(text: string): string {
  return text.replace(/\*\*/g, "").replace(/\s+/g, "");
}

/** Whether `quote` appears in `policy` (already passed through policyText) word for word. */
export function inPolicy(policy: string, quote: string): boolean {
  return policy.includes(policyText(quote));
}
