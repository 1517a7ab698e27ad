// Prints the voice command matcher's accuracy on the utterances in data/, its misses, and its speed.
import { readFileSync } from 'node:fs';
import { evaluateVoice, voiceUtterancesSchema } from '@/lib/voice/evaluate';
import { createVoiceMatcher } from '@/lib/voice/match';
import { RESIDENT_VOICE_COMMANDS } from '@/lib/voice/resident-commands';

const TARGET = 0.95;
const ROUNDS = 50;

const file = new URL('../data/voice-utterances.json', import.meta.url);
const utterances = voiceUtterancesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

const buildStarted = performance.now();
const matcher = createVoiceMatcher(RESIDENT_VOICE_COMMANDS);
const buildMs = performance.now() - buildStarted;

const coldStarted = performance.now();
const report = evaluateVoice(utterances, matcher.match);
const coldMicroseconds = ((performance.now() - coldStarted) * 1000) / utterances.length;

const warmStarted = performance.now();
for (let round = 0; round < ROUNDS; round += 1) {
  for (const utterance of utterances) matcher.match(utterance.text);
}
const warmMicroseconds = ((performance.now() - warmStarted) * 1000) / (ROUNDS * utterances.length);

const phrases = matcher.catalogue.commands.reduce((sum, command) => sum + command.phrases.length, 0);
console.log(`Voice commands: ${matcher.catalogue.commands.length} commands, ${phrases} phrases.`);
console.log(
  `accuracy: ${report.correct}/${report.total} = ${percent(report.accuracy)} (target ${percent(TARGET)})\n`,
);
for (const [tag, tally] of Object.entries(report.byTag)) {
  const share = percent(tally.correct / tally.total);
  console.log(`  ${tag.padEnd(10)} ${String(tally.correct).padStart(3)}/${String(tally.total).padEnd(3)} ${share}`);
}

console.log(`\ncatalogue compiled in ${buildMs.toFixed(1)} ms (pinyin of every phrase, once)`);
console.log(`first pass: ${coldMicroseconds.toFixed(1)} µs per utterance (new characters looked up)`);
console.log(`warm: ${warmMicroseconds.toFixed(1)} µs per utterance`);

if (report.misses.length > 0) {
  console.log('\nmisses:');
  for (const miss of report.misses) {
    console.log(`  [${miss.tag}] ${miss.text} → expected ${miss.expected}, got ${miss.got}`);
  }
}
process.exitCode = report.accuracy >= TARGET ? 0 : 1;
