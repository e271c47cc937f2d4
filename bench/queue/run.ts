/**
 * npm run bench:queue    the queue-mode model: writes bench/queue/results.md (a few seconds)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resultsMarkdown } from './results';

const text = resultsMarkdown();
writeFileSync(join(__dirname, 'results.md'), text);
console.log(text);
