/**
 * The figures of every unit and metric, from the units' monthly series (monthlySeries.ts) — pure.
 * For each (unit, item) with a value: the total over the period so far, the stock carried
 * forward, the mask of months reported and the last three months' flow; each metric input takes
 * its figure for the units that report the metric. A metric whose months are not the whole period
 * so far (it starts later, or its due month has passed) has its figures worked out over its own
 * months: the flow summed from its first month, the stock at its last (carried forward), the
 * baseline at the month before its first. For a flow, the anomaly tests against the
 * unit's own history — its months of the period so far:
 *   a month is an outlier when at least min_history of them were reported and
 *   |x − median| > robust_z × max(1.4826 × MAD, min_scale);
 *   it looks like a year-to-date total when at least two earlier months of its calendar year were
 *   all reported, they add up to S > 0, x is above the median, and x is within ytd_tolerance of
 *   S + median (the year so far plus a typical month).
 * A series with a flagged month gives one AnomalyRow, for its latest flagged month.
 */
import type { AnomalyRow, UnitRow } from "./assembleReport.ts";
import type { MetricFigures } from "./metricProgress.ts";
import type { MonthlySeries } from "./monthlySeries.ts";
import { medianAndMad } from "./robustStats.ts";
import type { FiguresSpec, MetricInputs } from "./unitFigures.ts";

interface SeriesFigures {
  metrics: Map<number, MetricFigures>;
  anomalies: AnomalyRow[];
}

/** One metric input reading an item: where its figure goes and which units report it. */
interface Reader {
  figures: MetricFigures;
  mask: Float64Array;
  role: "a" | "b";
  take: "total" | "latest";
  members: Uint8Array;
  from: number;
  to: number;
  /** Its months are not the whole period so far: its figures come from windowed(). */
  windowed: boolean;
}

/** Per unit: 1 when the unit's kind or code is among the reporters. */
function membersOf(units: Pick<UnitRow, "code" | "kind">[], reporters: readonly string[]): Uint8Array {
  const out = new Uint8Array(units.length);
  for (let u = 0; u < units.length; u++)
    out[u] = reporters.includes(units[u].kind) || reporters.includes(units[u].code) ? 1 : 0;
  return out;
}

export function seriesFigures(
  series: MonthlySeries,
  units: Pick<UnitRow, "code" | "kind">[],
  spec: Pick<FiguresSpec, "indicators" | "flows" | "flowReporters" | "anomaly">,
  inputs: MetricInputs[],
  periodMonths: string[],
  withAnomalies: boolean,
): SeriesFigures {
  const unitCount = units.length;
  const m = periodMonths.length;
  const metrics = new Map<number, MetricFigures>();
  const readers = new Map<string, Reader[]>();
  const reporters = new Map<string, Set<string>>();
  const masksB = new Map<number, Float64Array>();
  for (const x of inputs) {
    const figures: MetricFigures = {
      a: new Float64Array(unitCount).fill(Number.NaN),
      b: new Float64Array(unitCount).fill(Number.NaN),
      mask: new Float64Array(unitCount),
      extra: new Float64Array(unitCount).fill(Number.NaN),
    };
    metrics.set(x.metric, figures);
    const members = membersOf(units, x.reporters);
    for (const input of x.inputs) {
      let mask = figures.mask;
      if (input.role === "b") {
        mask = new Float64Array(unitCount);
        masksB.set(x.metric, mask);
      }
      const list = readers.get(input.indicator) ?? [];
      const windowed = x.from !== 0 || x.to !== m - 1;
      list.push({
        figures,
        mask,
        role: input.role,
        take: input.take,
        members,
        from: x.from,
        to: x.to,
        windowed,
      });
      readers.set(input.indicator, list);
      const set = reporters.get(input.indicator) ?? new Set<string>();
      for (const r of x.reporters) set.add(r);
      reporters.set(input.indicator, set);
    }
  }

  // where month i's calendar year starts among the period's months (−1 when before the period)
  const january = Int32Array.from(periodMonths, (month) => periodMonths.indexOf(`${month.slice(0, 4)}-01`));
  const { robustZ, minScale, minHistory, ytdTolerance } = spec.anomaly;
  const thresholds = { robustZ, minScale, minHistory, ytdTolerance };
  const step = series.units;
  const anomalies: AnomalyRow[] = [];
  const bits = Float64Array.from({ length: m }, (_, i) => 2 ** i);
  const sortBuffer = new Float64Array(m);
  const scratch = new Float64Array(m);

  spec.indicators.forEach((indicator, k) => {
    const itemReaders = readers.get(indicator);
    const values = series.values[k];
    const seen = series.seen[k];
    if (!itemReaders || !values || !seen) return;
    const reporting = membersOf(units, [...(reporters.get(indicator) ?? [])]);
    const tested =
      withAnomalies && spec.flows.includes(indicator)
        ? membersOf(units, spec.flowReporters[indicator] ?? [])
        : null;
    // an item only windowed readers read, and not tested, needs no figures over the whole period
    if (tested === null && itemReaders.every((r) => r.windowed)) {
      for (let u = 0; u < unitCount; u++) {
        if (!seen[u] || !reporting[u]) continue;
        for (const r of itemReaders) if (r.members[u]) windowed(r, u, values, u + step, step, bits);
      }
      return;
    }
    for (let u = 0; u < unitCount; u++) {
      if (!seen[u] || !reporting[u]) continue;
      // the baseline month is values[u]; period month i is values[at + i × step]
      const at = u + step;
      const cb = values[u];
      let mask = 0;
      let total = 0;
      let present = 0;
      let latest = Number.NaN;
      for (let i = 0; i < m; i++) {
        const c = values[at + i * step];
        if (Number.isNaN(c)) continue;
        mask += bits[i];
        total += c;
        latest = c;
        sortBuffer[present++] = c;
      }
      if (present === 0) {
        total = Number.NaN;
        latest = cb;
      }
      let trailing = 0;
      for (let i = Math.max(0, m - 3); i < m; i++) {
        const c = values[at + i * step];
        trailing += Number.isNaN(c) ? 0 : c;
      }
      for (const r of itemReaders) {
        if (!r.members[u]) continue;
        if (r.windowed) {
          windowed(r, u, values, at, step, bits);
          continue;
        }
        const value = r.take === "total" ? total : latest;
        r.mask[u] = mask;
        if (r.role === "b") r.figures.b[u] = value;
        else {
          r.figures.a[u] = value;
          r.figures.extra[u] = r.take === "total" ? trailing : cb;
        }
      }
      if (tested?.[u]) {
        const row = latestFlag(values, at, step, present, sortBuffer, scratch, january, thresholds);
        if (row) anomalies.push({ ui: u, indicator, ...row });
      }
    }
  });

  // a ratio's month counts as reported when both of its items were
  for (const [metric, maskB] of masksB) {
    const f = metrics.get(metric);
    if (f) for (let u = 0; u < unitCount; u++) f.mask[u] = andMasks(f.mask[u], maskB[u]);
  }
  return { metrics, anomalies };
}

/**
 * One unit's figures for a reader whose months are not the whole period so far: the total over
 * them, the stock at the last of them (or the latest before), the mask of them reported, the
 * three months' flow up to the last, and the stock of the month before the first (the baseline).
 */
function windowed(r: Reader, u: number, values: Float64Array, at: number, step: number, bits: Float64Array) {
  let mask = 0;
  let total = 0;
  let present = 0;
  // the baseline month (slot u) and the months before the reader's first, carried forward
  let before = values[u];
  for (let i = 0; i < r.from; i++) {
    const c = values[at + i * step];
    if (!Number.isNaN(c)) before = c;
  }
  let latest = before;
  for (let i = r.from; i <= r.to; i++) {
    const c = values[at + i * step];
    if (Number.isNaN(c)) continue;
    mask += bits[i];
    total += c;
    latest = c;
    present++;
  }
  let trailing = 0;
  for (let i = Math.max(r.from, r.to - 2); i <= r.to; i++) {
    const c = values[at + i * step];
    trailing += Number.isNaN(c) ? 0 : c;
  }
  const value = r.take === "total" ? (present === 0 ? Number.NaN : total) : latest;
  r.mask[u] = mask;
  if (r.role === "b") r.figures.b[u] = value;
  else {
    r.figures.a[u] = value;
    r.figures.extra[u] = r.take === "total" ? trailing : before;
  }
}

/** The latest month of one series flagged by the anomaly tests, if any. */
function latestFlag(
  values: Float64Array,
  at: number,
  step: number,
  present: number,
  sortBuffer: Float64Array,
  scratch: Float64Array,
  january: Int32Array,
  t: FiguresSpec["anomaly"],
): Omit<AnomalyRow, "ui" | "indicator"> | null {
  const { med, mad } = medianAndMad(sortBuffer, present, scratch);
  const scale = t.robustZ * Math.max(1.4826 * mad, t.minScale);
  const history = present >= t.minHistory;
  let found: Omit<AnomalyRow, "ui" | "indicator"> | null = null;
  // run: the months of the current calendar year before month i, added up from its January
  let run = Number.NaN;
  for (let i = 0; i < january.length; i++) {
    const c = values[at + i * step];
    const first = january[i];
    const outlier = history && Math.abs(c - med) > scale;
    let ytd = false;
    const prior = first >= 0 && i - first >= 2 ? run : Number.NaN;
    if (c > med && prior > 0) ytd = Math.abs(c - (prior + med)) <= t.ytdTolerance * (prior + med);
    if (outlier || ytd) found = { month: i, outlier, ytd, value: c, median: med, third: ytd ? prior : mad };
    run = first === i ? c : run + c;
  }
  return found;
}

/** a & b for masks of up to 48 bits (JavaScript's & works on 32). */
function andMasks(a: number, b: number): number {
  const low = 2 ** 24;
  return (Math.floor(a / low) & Math.floor(b / low)) * low + ((a % low) & (b % low));
}
