/**
 * `plan draft` of the Qingpu policy in its own process:
 *   planDraft.ts <policy> <out>
 * Times, from before the drafter's modules are loaded: the first draft (loading the modules and
 * OpenCC's dictionaries, reading the file, drafting, writing the plan file) and then the median of
 * 20 more drafts in the same process. Prints one JSON line: {ms, warmMs, commitments, peakRssMb}.
 */
import { writeFileSync } from "node:fs";

const [policy, out] = process.argv.slice(2);
const started = performance.now();
const { SHIPPED_CATALOGUE } = await import("../../fixtures/shippedPlan.ts");
const { readPolicy, simplifier } = await import("../../cli/policyFile.ts");
const { CASE_CATEGORIES, catalogueFromIndicators } = await import("../../metrics/draft/draftCatalogue.ts");
const { draftPlan } = await import("../../metrics/draft/draftPlan.ts");
const { planYaml } = await import("../../metrics/draft/planYaml.ts");

const text = await readPolicy(process.cwd(), policy);
const options = {
  catalogue: catalogueFromIndicators(SHIPPED_CATALOGUE.items),
  catalogueFile: SHIPPED_CATALOGUE.file,
  caseCategories: CASE_CATEGORIES,
  simplify: simplifier(),
  policy,
  year: 2023,
};
const draft = draftPlan(text, options);
writeFileSync(out, planYaml(draft));
const ms = performance.now() - started;

const warm: number[] = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  planYaml(draftPlan(text, options));
  warm.push(performance.now() - t);
}
warm.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    warmMs: Math.round(warm[10] * 10) / 10,
    commitments: draft.commitments.length,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
