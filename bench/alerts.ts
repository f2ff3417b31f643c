// Benchmark: one minute of surge detection over every series of 10 000 links, against the 1 s budget.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { cloneBaseline, createBaseline, observeBucket, type BaselineState } from '../src/alerts/detectors/baseline-state.js';
import { detectBatch, type WatchedScope } from '../src/alerts/detectors/detect-batch.js';
import { createRandom, samplePoisson, simulateSeries } from '../src/alerts/simulate-series.js';

const LINKS = 10_000;
const METRICS = ['shares', 'visits'] as const;
const TEMPLATES = 40;
const HISTORY_WEEKS = 8;
const RUNS = 7;
const BUDGET_MS = 1000;
const MINUTE = 60_000;

/** Baselines trained on eight weeks of simulated traffic at rates from 0.01 to 50 events a minute. */
function trainTemplates(): { baselines: BaselineState[]; nextCounts: number[]; nextRates: number[]; end: number } {
  const baselines: BaselineState[] = [];
  const nextCounts: number[] = [];
  const nextRates: number[] = [];
  let end = 0;
  for (let t = 0; t < TEMPLATES; t++) {
    const rate = 0.01 * Math.pow(5000, t / (TEMPLATES - 1));
    // Trains on all but the last minute, the first of an hour (the costliest: hourly profiles are rebuilt).
    const series = simulateSeries({ seed: 1000 + t, ratePerMinute: rate, minutes: HISTORY_WEEKS * 10_080 + 13 * 60 + 1 });
    const last = series.counts.length - 1;
    const baseline = createBaseline();
    for (let m = 0; m < last; m++) observeBucket(baseline, series.start + m * MINUTE, series.counts[m]);
    baselines.push(baseline);
    nextCounts.push(series.counts[last]);
    nextRates.push(series.rates[last]);
    end = series.start + last * MINUTE;
  }
  return { baselines, nextCounts, nextRates, end };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Printable lines: median time to evaluate every series of 10k links for one minute, and its ratio to 1 s. */
export async function benchAlerts(): Promise<string[]> {
  const trainStarted = performance.now();
  const { baselines, nextCounts, nextRates, end } = trainTemplates();
  const trainMs = performance.now() - trainStarted;
  const random = createRandom(7);
  const series = LINKS * METRICS.length;
  const usual = new Float64Array(series);
  const stormy = new Float64Array(series);
  for (let i = 0; i < series; i++) {
    usual[i] = i < TEMPLATES ? nextCounts[i] : samplePoisson(random, nextRates[i % TEMPLATES]);
    stormy[i] = samplePoisson(random, nextRates[i % TEMPLATES] * 3);
  }
  const usualMinute = timeMinute(baselines, end, usual);
  const observeOnly = timeMinute(baselines, end, usual, true);
  const stormyMinute = timeMinute(baselines, end, stormy);
  const ms = usualMinute.ms;
  const perSeriesUs = (ms * 1000) / series;
  const stateKb = (baselines[0].hourSums.byteLength + 3 * baselines[0].ringCounts.byteLength) / 1024;
  return [
    `alerts: surge detection for ${LINKS} links × ${METRICS.length} metrics (${series} series), one minute of data ` +
      `(the first of an hour), median of ${RUNS}: ${ms.toFixed(1)} ms (${perSeriesUs.toFixed(2)} µs/series), ` +
      `${usualMinute.events} alerts`,
    `alerts: ratio to the 1 s budget: ${(ms / BUDGET_MS).toFixed(4)} (${(BUDGET_MS / ms).toFixed(0)}× headroom); ` +
      `ratio to updating the baselines alone (${observeOnly.ms.toFixed(1)} ms, same run): ${(ms / observeOnly.ms).toFixed(2)}`,
    `alerts: stormy minute (every series at 3× its usual rate, ${stormyMinute.events} alerts opened): ` +
      `${stormyMinute.ms.toFixed(1)} ms, ratio to the 1 s budget ${(stormyMinute.ms / BUDGET_MS).toFixed(4)}`,
    `alerts: baseline state ${stateKb.toFixed(1)} KB per series (${((stateKb * series) / 1024).toFixed(0)} MB for all); ` +
      `training ${TEMPLATES} baselines on ${HISTORY_WEEKS} weeks took ${(trainMs / 1000).toFixed(1)} s`,
  ];
}

/** Median time (ms) of {@link detectBatch} (or of the baseline updates alone) over fresh copies of the trained baselines. */
function timeMinute(
  baselines: BaselineState[],
  end: number,
  counts: Float64Array,
  observeOnly = false,
): { ms: number; events: number } {
  const times: number[] = [];
  let events = 0;
  for (let run = 0; run < RUNS; run++) {
    const scopes: WatchedScope[] = new Array(counts.length);
    for (let i = 0; i < counts.length; i++) {
      scopes[i] = {
        scope: `link-${Math.floor(i / METRICS.length)}`,
        metric: METRICS[i % METRICS.length],
        baseline: cloneBaseline(baselines[i % TEMPLATES]),
        state: {},
      };
    }
    const started = performance.now();
    if (observeOnly) {
      for (let i = 0; i < counts.length; i++) observeBucket(scopes[i].baseline, end, counts[i]);
    } else {
      events = detectBatch(scopes, end, counts, { now: end + MINUTE }).events.length;
    }
    times.push(performance.now() - started);
  }
  return { ms: median(times), events };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await benchAlerts()) process.stdout.write(`${line}\n`);
}
