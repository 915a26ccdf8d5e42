// Preloaded with `node --import` by lib.mjs's peakRss where GNU time is missing: reports the
// process's peak resident set size (KiB) on standard error as it exits.
import {writeSync} from 'node:fs';

process.on('exit', () => {
	writeSync(2, `bench-max-rss-kib: ${process.resourceUsage().maxRSS}\n`);
});
