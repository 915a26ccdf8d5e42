import {readFileSync} from 'node:fs';
import {parseHfPage} from './src/listing/hf-page.js';
import {compilePattern, scoreText} from './src/search/bitap.js';
const {papers} = parseHfPage(readFileSync(process.argv[2]!), {source: 'f'});
const texts = papers.map((p) => p.abstract.toLowerCase());
let chars = 0; for (const t of texts) chars += t.length;
const qs = process.argv.slice(3);
for (const q of qs.length ? qs : ['diffusion', 'lnguage modl', 'transformr', 'language model', 'reinforcement learning', 'vision-language', 'grokking']) {
  const p = compilePattern(q, 0.3);
  const times: number[] = [];
  let m = 0, exact = 0;
  for (let r = 0; r < 7; r++) { const t = performance.now(); m = 0; exact = 0; for (const x of texts) { const s = scoreText(p, x); if (s.isMatch) m++; if (s.errors === 0) exact++; } times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(q, 'K', p.chunks[0]!.maxErrors, 'match', m, 'exact', exact, 'median', times[3]!.toFixed(1), 'ms', (times[3]! * 1e6 / chars).toFixed(2), 'ns/char');
}
