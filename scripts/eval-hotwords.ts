// Prints the hot-word matcher's precision and recall on the resident sentences in data/.
import { readFileSync } from 'node:fs';
import { matchHotwords } from '@/lib/complaints/hotwords/default-matcher';
import { evaluateHotwords, hotwordSentencesSchema, type Tally } from '@/lib/complaints/hotwords/evaluate';
import { HOTWORD_CATEGORIES } from '@/lib/complaints/hotwords/types';
import { HOTWORD_SEED } from '@/prisma/seed/hotwords';

const ROUNDS = 200;

const file = new URL('../data/hotword-sentences.json', import.meta.url);
const sentences = hotwordSentencesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
const report = evaluateHotwords(sentences, matchHotwords);

const percent = (value: number): string =>
  (Number.isNaN(value) ? '—' : `${(value * 100).toFixed(1)}%`).padStart(6);
const count = (value: number, width: number): string => String(value).padStart(width);
const row = (name: string, tally: Tally): string =>
  `${name.padEnd(9)} ${percent(tally.precision)}   ${percent(tally.recall)}   ` +
  `tp ${count(tally.truePositives, 3)}  fp ${count(tally.falsePositives, 2)}  fn ${count(tally.falseNegatives, 2)}`;

console.log(
  `Hot-word library: ${HOTWORD_SEED.length} terms; ${report.sentences} sentences ` +
    `(${report.positiveSentences} with a complaint theme).\n`,
);
console.log('category  precision  recall');
for (const category of HOTWORD_CATEGORIES) console.log(row(category, report.perCategory[category]));
console.log(row('overall', report.overall));
console.log(`\nexact category sets: ${report.exactSentences}/${report.sentences}`);
console.log(`dominant category right: ${report.dominantCorrect}/${report.positiveSentences}`);

const started = performance.now();
for (let round = 0; round < ROUNDS; round += 1) {
  for (const sentence of sentences) matchHotwords(sentence.text);
}
const microseconds = ((performance.now() - started) * 1000) / (ROUNDS * sentences.length);
console.log(`speed: ${microseconds.toFixed(1)} µs per sentence`);

if (report.misses.length > 0) {
  console.log('\nmisses:');
  for (const miss of report.misses) {
    console.log(`  ${miss.text}\n    expected [${miss.expected.join(', ')}]  got [${miss.predicted.join(', ')}]`);
  }
}
