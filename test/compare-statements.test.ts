// Claim units: how article sentences become the statements facts are made of.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeAnalyses } from '../src/analyse/index.ts';
import { cleanDocument } from '../src/clean/index.ts';
import { bundleStatements } from '../src/compare/index.ts';
import { analyseSafely } from '../src/pipeline/run.ts';

function statementsOf(content: string): string[] {
  const documents = [cleanDocument({ source: 'report.txt', format: 'text', content, hints: {} })];
  const analyses = documents.map(analyseSafely);
  const { entities, quotes } = mergeAnalyses(analyses);
  const { statements } = bundleStatements({ documents, analyses, entities, quotes });
  return statements.map((s) => s.text);
}

test('a quotation of two sentences and its cue are one statement, not a fragment that opens mid-quote', () => {
  const texts = statementsOf(
    'Harbour talks stall in Varnholm\n\n' +
      'The port authority and the dockers met for six hours on Monday without a deal on night shifts.\n\n' +
      '“We are not there yet. Both sides have to keep working on the night rota,” union leader Ilse Marchetti told reporters after the meeting.\n\n' +
      'Talks resume on Thursday, the authority said in a statement.',
  );
  assert.ok(texts.includes('“We are not there yet. Both sides have to keep working on the night rota,” union leader Ilse Marchetti told reporters after the meeting.'), texts.join('\n'));
  assert.ok(!texts.some((t) => t.startsWith('Both sides have')), texts.join('\n'));
});

test('a quotation of three sentences is one statement too, as the cleaner joins its sentences', () => {
  const texts = statementsOf(
    'Harbour talks stall in Varnholm\n\n' +
      'The port authority and the dockers met for six hours on Monday without a deal on night shifts.\n\n' +
      '“We are not there yet. The rota is the sticking point. Both sides have to keep working on it,” union leader Ilse Marchetti told reporters.',
  );
  assert.ok(
    texts.some((t) => t.startsWith('“We are not there yet.') && t.endsWith('told reporters.')),
    texts.join('\n'),
  );
});
