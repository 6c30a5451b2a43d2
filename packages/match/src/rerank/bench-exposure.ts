/**
 * `npm run bench:exposure`: runs the simulated stream of needs (see simulate.ts) through pure
 * relevance ranking and through exposure-aware re-ranking, and prints the Gini coefficient of
 * position-discounted exposure and nDCG@10 for both.
 *
 * Options: --needs N (10000) --experts N (2000) --strength S (the default) --seed N
 * --sweep (also print a strength sweep: the trade-off curve).
 */
import { DEFAULT_EXPOSURE_STRENGTH } from './rerank.ts';
import { simulateExposure, type SimulationOptions } from './simulate.ts';

function parseArgs(argv: readonly string[]): { sim: SimulationOptions; sweep: boolean } {
  const sim: SimulationOptions = {};
  let sweep = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v)) throw new Error(`${a} needs a number`);
      return v;
    };
    if (a === '--needs') sim.needs = next();
    else if (a === '--experts') sim.experts = next();
    else if (a === '--strength') sim.strength = next();
    else if (a === '--seed') sim.seed = next();
    else if (a === '--sweep') sweep = true;
    else throw new Error(`unknown option ${a}`);
  }
  return { sim, sweep };
}

function pct(x: number): string {
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
}

function main(): void {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`bench:exposure: ${(err as Error).message}`);
    process.exit(2);
  }
  const { sim, sweep } = parsed;
  const started = performance.now();
  const r = simulateExposure(sim);
  const o = r.options;
  console.log(
    `exposure simulation: ${o.needs} needs, ${o.experts} scientists, ${o.topics} fields × ${o.subtopics} sub-topics, ` +
      `${o.candidates} candidates → top ${o.listLength}, seed ${o.seed}, strength ${o.strength}`,
  );
  console.log('');
  console.log('arm                Gini(exposure)  nDCG@10  shown≥1  top share');
  const row = (name: string, a: typeof r.pure) =>
    console.log(
      `${name.padEnd(18)} ${a.gini.toFixed(3).padStart(14)}  ${a.ndcg.toFixed(4).padStart(7)}  ${(a.coverage * 100).toFixed(1).padStart(6)}%  ${(a.maxShare * 100).toFixed(2).padStart(8)}%`,
    );
  row('pure relevance', r.pure);
  row('exposure re-rank', r.reranked);
  console.log('');
  const giniOk = r.giniChange <= -0.3;
  const ndcgOk = r.ndcgChange >= -0.03;
  console.log(`Gini change  ${pct(r.giniChange)}  (target ≤ -30%: ${giniOk ? 'met' : 'NOT met'})`);
  console.log(`nDCG@10 change ${pct(r.ndcgChange)}  (target ≥ -3%: ${ndcgOk ? 'met' : 'NOT met'})`);
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);

  // Same stream, with 10 % of scientists fully booked and 15 % down to their last slot.
  const cap = simulateExposure({ ...sim, fullShare: 0.1, nearFullShare: 0.15 });
  console.log('');
  console.log('capacity: 10% of scientists have no open slot, 15% have 1 of 5 open');
  console.log(
    'arm                exposure→full  exposure→near-full  Gini   nDCG@10 (ideal includes the unavailable)',
  );
  const capRow = (name: string, a: typeof cap.pure) =>
    console.log(
      `${name.padEnd(18)} ${(a.fullExposureShare * 100).toFixed(1).padStart(12)}%  ${(a.nearFullExposureShare * 100).toFixed(1).padStart(17)}%  ${a.gini.toFixed(3)}  ${a.ndcg.toFixed(4)}`,
    );
  capRow('pure relevance', cap.pure);
  capRow('capacity+exposure', cap.reranked);

  if (sweep) {
    console.log('');
    console.log('strength  Gini     ΔGini    nDCG@10  ΔnDCG');
    for (const s of [0.1, 0.2, 0.3, 0.4, DEFAULT_EXPOSURE_STRENGTH, 0.6, 0.8]) {
      const x = simulateExposure({ ...sim, strength: s });
      console.log(
        `${s.toFixed(2).padStart(8)}  ${x.reranked.gini.toFixed(3)}  ${pct(x.giniChange).padStart(7)}  ${x.reranked.ndcg.toFixed(4)}  ${pct(x.ndcgChange).padStart(6)}`,
      );
    }
  }
}

main();
