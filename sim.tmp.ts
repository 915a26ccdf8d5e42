// Simulates typing into the searcher as the reader does: 8 ms slices, a key every 80 ms, new job per key.
import {readFileSync} from 'node:fs';
import {parseHfPage} from './src/listing/hf-page.js';
import {createSearcher} from './src/search/fuzzy.js';
const file = process.argv[2]!;
const query = process.argv[3] ?? 'language model';
let t = performance.now();
const {papers} = parseHfPage(readFileSync(file), {source: 'f'});
console.log('parsed', papers.length, (performance.now() - t).toFixed(0), 'ms', 'heap', (process.memoryUsage().heapUsed / 1e6).toFixed(0), 'MB rss', (process.memoryUsage().rss / 1e6).toFixed(0));
const searcher = createSearcher(papers);
let typed = 0;
let job: ReturnType<typeof searcher.start> | null = null;
let lastKeyAt = 0;
let maxSlice = 0;
const slices: number[] = [];
function key() {
  typed++;
  job = searcher.start(query.slice(0, typed));
  lastKeyAt = performance.now();
  if (typed < query.length) setTimeout(key, 80);
}
function step() {
  if (job) {
    const s = performance.now();
    const done = job.run(s + 8);
    const d = performance.now() - s; slices.push(d); maxSlice = Math.max(maxSlice, d);
    if (done) {
      const q = job.query; const hits = job.hits(); job = null;
      if (typed === query.length) { console.log('final', JSON.stringify(q), hits.length, 'hits', (performance.now() - lastKeyAt).toFixed(0), 'ms after last key; max slice', maxSlice.toFixed(1), 'p99 slice', slices.sort((a,b)=>a-b)[Math.floor(slices.length*0.99)]!.toFixed(1), 'rss', (process.memoryUsage().rss / 1e6).toFixed(0)); return; }
    }
  }
  setImmediate(step);
}
key(); setImmediate(step);
