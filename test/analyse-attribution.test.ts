// Who is who and who said what, checked against hand-labelled gold (test/fixtures/attribution).
// Each fixture is its own test, and a failing test lists every miss in that file as expected vs
// found. The gold itself is validated against the texts first, so a red gold test is a gold error
// and a red fixture test is an extractor miss.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
// A namespace import, so that this file still loads (and the gold checks still run) while the
// analyse stage does not yet export its entry points: analyseDocument, mergeAnalyses.
import * as analyse from '../src/analyse/index.ts';
import type { DocumentAnalysis } from '../src/analyse/index.ts';
import { cleanDocument } from '../src/clean/index.ts';
import type { CleanDocument, Entity, Mention, Quote, Span } from '../src/schema.ts';

// ── gold ─────────────────────────────────────────────────────────────────────────────────────────

type Kind = Quote['kind'];
type GoldType = Entity['type'];

interface GoldQuote {
  contains: string;
  speaker: string | null;
  kind: Kind;
}
interface GoldEntity {
  name: string;
  type?: GoldType;
  forms: string[];
}
interface GoldFile {
  quotes: GoldQuote[];
  entities: GoldEntity[];
  distinct: [string, string][];
}
interface GoldCrossQuote {
  file: string;
  contains: string;
  speaker: string | null;
}
interface GoldCross {
  files: string[];
  entities: GoldEntity[];
  distinct: [string, string][];
  quotes?: GoldCrossQuote[];
}

const DIR = new URL('./fixtures/attribution/', import.meta.url);
const gold = JSON.parse(readFileSync(new URL('gold.json', DIR), 'utf8')) as Record<string, unknown>;
const cross = gold['crossDocument'] as GoldCross;
const files: [string, GoldFile][] = Object.entries(gold)
  .filter(([name]) => name.endsWith('.txt'))
  .map(([name, g]) => [name, g as GoldFile]);

const texts = new Map<string, string>();
function fixtureText(name: string): string {
  let text = texts.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(name, DIR), 'utf8');
    texts.set(name, text);
  }
  return text;
}

function clean(name: string): CleanDocument {
  return cleanDocument({ source: name, format: 'text', content: fixtureText(name), hints: {} });
}

// ── the API under test ───────────────────────────────────────────────────────────────────────────

function analyseDocument(doc: CleanDocument): DocumentAnalysis {
  assert.equal(typeof analyse.analyseDocument, 'function', 'src/analyse/index.ts does not export analyseDocument yet');
  return analyse.analyseDocument(doc);
}

function mergeAnalyses(analyses: DocumentAnalysis[]): { entities: Entity[]; quotes: Quote[] } {
  assert.equal(typeof analyse.mergeAnalyses, 'function', 'src/analyse/index.ts does not export mergeAnalyses yet');
  return analyse.mergeAnalyses(analyses);
}

// ── matching helpers ─────────────────────────────────────────────────────────────────────────────

/** Names that differ only in formatting compare equal: case, spacing, apostrophes, "the", "Co.". */
function normName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^the /, '')
    .replace(/,?\s+(?:co|inc|ltd|corp)\.?$/, '')
    .replace(/[.,;:]+$/, '');
}

/** Does this entity go by `name` — as its name, an alias, or a mention as printed? */
function namesEntity(entity: Entity, name: string): boolean {
  const want = normName(name);
  return normName(entity.name) === want || entity.aliases.some((a) => normName(a) === want) || entity.mentions.some((m) => normName(m.text) === want);
}

/** The entity called `name`: by name first, then by alias, then by a mention's text. */
function entityNamed(entities: Entity[], name: string): Entity | undefined {
  const want = normName(name);
  return (
    entities.find((e) => normName(e.name) === want) ?? entities.find((e) => e.aliases.some((a) => normName(a) === want)) ?? entities.find((e) => e.mentions.some((m) => normName(m.text) === want))
  );
}

/**
 * A mention stands for a printed form when its text is the form, when its span slices to the
 * form, or when the form is a title plus the mention and ends where the mention ends
 * ("Minister Castellane" printed, "Castellane" recorded).
 */
function mentionHasForm(m: Mention, form: string, originals: Map<string, string>): boolean {
  if (m.text === form) return true;
  const original = originals.get(m.doc);
  if (original === undefined) return false;
  if (original.slice(m.start, m.end) === form) return true;
  const start = m.end - form.length;
  return start >= 0 && start <= m.start && original.slice(start, m.end) === form;
}

const show = (e: Entity | undefined) => (e ? `"${e.name}" (${e.type}, ${e.id})` : 'none');
const clip = (s: string, n = 90) => (s.length > n ? s.slice(0, n - 1) + '…' : s).replace(/\s+/g, ' ');

/** Pick the extracted quote a gold quote stands for: it contains the words; same kind first, shortest first. */
function findQuote(quotes: Quote[], contains: string, kind?: Kind): Quote | undefined {
  const hits = quotes.filter((q) => q.text.includes(contains) || q.text.replace(/\s+/g, ' ').includes(contains));
  const sameKind = kind ? hits.filter((q) => q.kind === kind) : [];
  return (sameKind.length ? sameKind : hits).sort((a, b) => a.text.length - b.text.length)[0];
}

function checkSpeaker(where: string, q: Quote, speaker: string | null, entities: Entity[], misses: string[]): void {
  if (speaker === null) {
    if (q.speaker !== null) {
      const found = entities.find((e) => e.id === q.speaker);
      misses.push(`${where}: expected no speaker, found ${show(found)} (speakerName ${JSON.stringify(q.speakerName)})`);
    }
    return;
  }
  if (q.speaker === null) {
    misses.push(`${where}: expected speaker "${speaker}", found none (speakerName ${JSON.stringify(q.speakerName)})`);
    return;
  }
  const found = entities.find((e) => e.id === q.speaker);
  if (!found) misses.push(`${where}: speaker id ${q.speaker} is not among the entities (expected "${speaker}")`);
  else if (!namesEntity(found, speaker)) misses.push(`${where}: expected speaker "${speaker}", found ${show(found)}`);
}

function checkQuotes(name: string, g: GoldFile, result: DocumentAnalysis, misses: string[]): void {
  for (const gq of g.quotes) {
    const where = `${name} quote “${clip(gq.contains, 60)}”`;
    const q = findQuote(result.quotes, gq.contains, gq.kind);
    if (!q) {
      misses.push(`${where}: no extracted quote contains it (${result.quotes.length} quotes extracted)`);
      continue;
    }
    if (q.kind !== gq.kind) misses.push(`${where}: expected kind ${gq.kind}, found ${q.kind} in “${clip(q.text)}”`);
    checkSpeaker(where, q, gq.speaker, result.entities, misses);
  }
}

/** All forms must be mentions of one entity, of the gold type, known by the gold name. */
function checkEntities(label: string, golds: GoldEntity[], entities: Entity[], originals: Map<string, string>, misses: string[], strictName: boolean): void {
  for (const ge of golds) {
    const where = `${label} entity "${ge.name}"`;
    const owners = (form: string) => entities.filter((e) => e.mentions.some((m) => mentionHasForm(m, form, originals)));
    const holders = entities.filter((e) => ge.forms.every((form) => e.mentions.some((m) => mentionHasForm(m, form, originals))));
    // Of the entities holding every form, the one known by the gold name.
    const entity = holders.find((e) => namesEntity(e, ge.name)) ?? holders[0];
    if (!entity) {
      const detail = ge.forms.map((form) => `"${form}" → ${owners(form).map(show).join(', ') || 'no mention'}`).join('; ');
      misses.push(`${where}: expected one entity with forms ${JSON.stringify(ge.forms)}, found ${detail}`);
      continue;
    }
    if (ge.type && entity.type !== ge.type) misses.push(`${where}: expected type ${ge.type}, found ${show(entity)}`);
    const named = strictName ? normName(entity.name) === normName(ge.name) : namesEntity(entity, ge.name);
    if (!named) misses.push(`${where}: expected the name "${ge.name}"${strictName ? '' : ' (or alias)'}, found ${show(entity)}`);
  }
}

function checkDistinct(label: string, pairs: [string, string][], entities: Entity[], misses: string[]): void {
  for (const [a, b] of pairs) {
    const ea = entityNamed(entities, a);
    const eb = entityNamed(entities, b);
    if (!ea || !eb) {
      misses.push(`${label} distinct "${a}" / "${b}": expected two entities, found ${show(ea)} / ${show(eb)}`);
      continue;
    }
    if (ea.id === eb.id) misses.push(`${label} distinct "${a}" / "${b}": expected two entities, found one: ${show(ea)}`);
  }
}

function assertNoMisses(label: string, misses: string[], total: number): void {
  assert.equal(misses.length, 0, `${label}: ${misses.length} of ${total} gold checks missed\n  ${misses.join('\n  ')}`);
}

// ── the gold is honest about its texts ───────────────────────────────────────────────────────────

function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
  return n;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The form printed as a whole word (or words) somewhere in the text. */
const hasForm = (text: string, form: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(form)}(?![\\p{L}\\p{N}])`, 'u').test(text);

test('attribution gold agrees with its fixture texts', () => {
  const problems: string[] = [];
  assert.ok(files.length >= 7, `expected at least 7 fixtures, found ${files.length}`);
  for (const [name, g] of files) {
    const text = fixtureText(name);
    const doc = clean(name);
    const names = new Set(g.entities.map((e) => e.name));
    for (const q of g.quotes) {
      const n = occurrences(text, q.contains);
      if (n !== 1) problems.push(`${name}: quote substring “${q.contains}” occurs ${n} times, expected exactly once`);
      if (q.speaker !== null && !names.has(q.speaker)) problems.push(`${name}: speaker "${q.speaker}" is not a gold entity of the file`);
      // The words must survive cleaning, or no extractor could find them.
      const at = text.indexOf(q.contains);
      const end = at + q.contains.length;
      if (at >= 0 && !doc.body.some((b) => b.start <= at && end <= b.end)) problems.push(`${name}: “${q.contains}” is not in the cleaned body`);
      if (at >= 0 && q.kind === 'turn' && !doc.turns?.some((t) => t.span.start <= at && end <= t.span.end)) problems.push(`${name}: turn “${q.contains}” is not inside a transcript turn`);
    }
    for (const e of g.entities) {
      if (!text.toLowerCase().includes(e.name.toLowerCase())) problems.push(`${name}: entity name "${e.name}" is not in the text`);
      for (const form of e.forms) if (!hasForm(text, form)) problems.push(`${name}: form "${form}" of "${e.name}" is not in the text`);
    }
    for (const pair of g.distinct) for (const n of pair) if (!names.has(n)) problems.push(`${name}: distinct name "${n}" is not a gold entity of the file`);
  }
  const all = cross.files.map(fixtureText);
  for (const f of cross.files) if (!files.some(([n]) => n === f)) problems.push(`crossDocument: unknown file ${f}`);
  for (const e of cross.entities) {
    if (!all.some((t) => t.includes(e.name))) problems.push(`crossDocument: name "${e.name}" is in none of the files`);
    for (const form of e.forms) if (!all.some((t) => hasForm(t, form))) problems.push(`crossDocument: form "${form}" is in none of the files`);
  }
  for (const pair of cross.distinct) for (const n of pair) if (!all.some((t) => t.includes(n))) problems.push(`crossDocument: distinct name "${n}" is in none of the files`);
  for (const q of cross.quotes ?? []) {
    const n = cross.files.includes(q.file) ? occurrences(fixtureText(q.file), q.contains) : 0;
    if (n !== 1) problems.push(`crossDocument: quote “${q.contains}” occurs ${n} times in ${q.file}, expected exactly once`);
  }
  assert.deepEqual(problems, []);
});

// ── one test per fixture ─────────────────────────────────────────────────────────────────────────

for (const [name, g] of files) {
  test(`attribution: ${name}`, () => {
    const doc = clean(name);
    const result = analyseDocument(doc);
    assert.equal(result.doc, doc.id, 'the analysis names its document');
    const misses: string[] = [];
    checkQuotes(name, g, result, misses);
    checkEntities(name, g.entities, result.entities, new Map([[doc.id, doc.original]]), misses, false);
    checkDistinct(name, g.distinct, result.entities, misses);
    assertNoMisses(name, misses, g.quotes.length + g.entities.length + g.distinct.length);
  });
}

// ── one identity across documents ────────────────────────────────────────────────────────────────

test('attribution: entities merged across documents', () => {
  const docs = new Map(cross.files.map((f) => [f, clean(f)]));
  const analyses = [...docs.values()].map(analyseDocument);
  const merged = mergeAnalyses(analyses);
  const originals = new Map([...docs.values()].map((d) => [d.id, d.original]));
  const misses: string[] = [];

  // A merged entity keeps the correct spelling even where one report misspelt it.
  checkEntities('crossDocument', cross.entities, merged.entities, originals, misses, true);
  checkDistinct('crossDocument', cross.distinct, merged.entities, misses);

  const ids = new Set(merged.entities.map((e) => e.id));
  if (ids.size !== merged.entities.length) misses.push('crossDocument: merged entity ids are not unique');
  for (const q of merged.quotes) if (q.speaker !== null && !ids.has(q.speaker)) misses.push(`crossDocument: quote “${clip(q.text, 50)}” keeps speaker id ${q.speaker}, not a merged entity`);

  for (const gq of cross.quotes ?? []) {
    const doc = docs.get(gq.file)!;
    const where = `crossDocument ${gq.file} quote “${clip(gq.contains, 60)}”`;
    const q = findQuote(
      merged.quotes.filter((x) => x.span.doc === doc.id),
      gq.contains,
    );
    if (!q) misses.push(`${where}: no merged quote of that document contains it`);
    else checkSpeaker(where, q, gq.speaker, merged.entities, misses);
  }
  assertNoMisses('crossDocument', misses, cross.entities.length + cross.distinct.length + (cross.quotes?.length ?? 0));
});

// ── spans ────────────────────────────────────────────────────────────────────────────────────────

test('attribution: every span of the analysis slices to what it records', () => {
  const problems: string[] = [];
  for (const [name] of files) {
    const doc = clean(name);
    const { entities, quotes } = analyseDocument(doc);
    const check = (span: Span | null, what: string, text?: string, loose = false) => {
      if (span === null) return;
      const where = `${name} ${what}`;
      if (span.doc !== doc.id) return void problems.push(`${where}: span of document ${span.doc}, expected ${doc.id}`);
      if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start < span.end && span.end <= doc.original.length))
        return void problems.push(`${where}: [${span.start}, ${span.end}) is empty or outside 0..${doc.original.length}`);
      const slice = doc.original.slice(span.start, span.end);
      if (!slice.trim()) return void problems.push(`${where}: span slices to whitespace`);
      if (text === undefined || slice === text) return;
      // A quote over several paragraphs may drop the marks that reopen each paragraph.
      const squash = (s: string) => s.replace(/[\s“”"]+/g, ' ').trim();
      const fold = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
      const ok = loose === true ? fold(slice) === fold(text) : /\n/.test(slice) && squash(slice) === squash(text);
      if (!ok) problems.push(`${where}: span slices to “${clip(slice, 60)}”, recorded “${clip(text, 60)}”`);
    };
    for (const q of quotes) {
      const what = `quote ${q.id} “${clip(q.text, 40)}”`;
      check(q.span, `${what} span`, q.text);
      check(q.speakerSpan, `${what} speakerSpan`);
      check(q.cue, `${what} cue`);
    }
    for (const e of entities) {
      e.mentions.forEach((m, i) => check(m, `entity "${e.name}" mention[${i}]`, m.text));
      // Roles are compared as printed, up to case ("Foreign Minister" / "foreign minister").
      for (const r of e.roles) r.spans.forEach((s, i) => check(s, `entity "${e.name}" role "${r.text}" span[${i}]`, r.text, true));
    }
  }
  assert.deepEqual(problems, []);
});

// ── rules, on invented text ──────────────────────────────────────────────────────────────────────

/** The speaker of the quote containing `contains`: its name, else the words that name it ("I"), else null. */
function speakerIn(text: string, contains: string): string | null {
  const q = analyse.analyseText(text).quotes.find((x) => x.text.includes(contains));
  assert.ok(q, `no quote contains “${contains}”`);
  return q.speakerName ?? (q.speakerSpan ? text.slice(q.speakerSpan.start, q.speakerSpan.end) : null);
}

test('attribution: a name with a party tag in parentheses keeps its cue in the sentence', () => {
  const text = 'The vote was close.\n\n"It is a warning to all of us," Rep. Dana Whitfield (D-Ore.) said Friday.\n\n"We will be back," Sen. Omar Castillo (R-Tex.), the ranking member, said.';
  assert.equal(speakerIn(text, 'warning'), 'Dana Whitfield');
  assert.equal(speakerIn(text, 'be back'), 'Omar Castillo');
});

test("attribution: a roundup names a quote's source on a line of its own, after a dash", () => {
  const text =
    'What the candidates said this week.\n\n"Big firms pay almost nothing in tax."\n\n- Ada Wade.\n\n' +
    'Wade overstates the point.\n\n"We are ready for the next storm."\n\n-Tomas Ferrer, Eastland.\n\n' +
    '"The plan is sound."\n\n- Tomas Ferrer and his aides have heard that before, and they spent the whole of last week saying so to anyone who would listen.';
  assert.equal(speakerIn(text, 'pay almost nothing'), 'Ada Wade');
  assert.equal(speakerIn(text, 'next storm'), 'Tomas Ferrer');
  assert.equal(speakerIn(text, 'plan is sound'), null, 'a long paragraph opening with a dash is no source line');
});

test('attribution: a paragraph ending in a colon introduces the quote below it, in words readBefore does not take', () => {
  const text =
    'The mayor died in 1998.\n\nGovernor Ada Wade released the following statement:\n\n"We offer our condolences to the family of the mayor."\n\n' +
    'The rally was loud.\n\nStated Tomas Ferrer:\n\n"I think the stakes are so high and the voters know it."\n\n' +
    'The crowd cheered.\n\nStudent Lena Marsh echoed:\n\n"He speaks his mind, and that might be what the country needs."\n\n' +
    'He then listed what a nominee needs:\n\n"Courage, patience and a thick skin."';
  assert.equal(speakerIn(text, 'condolences'), 'Ada Wade');
  assert.equal(speakerIn(text, 'stakes are so high'), 'Tomas Ferrer');
  assert.equal(speakerIn(text, 'speaks his mind'), 'Lena Marsh');
  assert.equal(speakerIn(text, 'thick skin'), null, 'a list introduced by a colon has no speech verb to name a speaker');
});

test('attribution: a capitalised name after a closing straight quote is a name', () => {
  const text = 'Ada Wade spoke at the hall.\n\n"I take some comfort in that fact, frankly," Wade said.';
  assert.equal(speakerIn(text, 'comfort'), 'Ada Wade');
});

test('attribution: a noun after its article is no speech verb ("one of the states")', () => {
  const text = '"It is an intrusion on our own domain," Tomas Ferrer, the attorney general of Eastland, one of the states suing the agency, said at an event.';
  assert.equal(speakerIn(text, 'intrusion'), 'Tomas Ferrer');
});

test('attribution: a participle speaks for the subject of its clause, not the object before it', () => {
  const text =
    'Greta Holm attacked Ivo Brandt over his record on Eastland and Westmark, saying, "He is reckless and very unstable."\n\n' +
    'Lena Marsh urged voters to back Pavel Ruiz, saying: "There is a special reward for those who turn out."\n\n' +
    'The senator emailed supporters saying: "The struggle goes on."\n\n' +
    'A new ad shows footage of Greta Holm asking, "Why am I not far ahead by now?"';
  assert.equal(speakerIn(text, 'reckless'), 'Greta Holm');
  assert.equal(speakerIn(text, 'special reward'), 'Lena Marsh');
  assert.equal(speakerIn(text, 'struggle'), 'The senator');
  assert.equal(speakerIn(text, 'far ahead'), 'Greta Holm');
});

test('attribution: "X … and says" speaks for the subject of the first verb, past subordinate clauses', () => {
  const text =
    'Rosa Lind spoke to the press.\n\nShe then urges her brother to step out of the car and repeatedly says, "Please do not do it now."\n\n' +
    'Once in my early twenties, when my aunt mentioned the ghost to me, I laughed and said, "I do not believe in ghosts at all."';
  assert.equal(speakerIn(text, 'Please do not'), 'Rosa Lind');
  assert.equal(speakerIn(text, 'ghosts at all'), 'I');
});

test('attribution: a name after a preposition is not the owner of an apposition', () => {
  const text = 'Karin Vole spoke on Monday.\n\nKarin Vole, speaking to Harlanders, said, "You have not started voting yet, not once."';
  assert.equal(speakerIn(text, 'started voting'), 'Karin Vole');
});

test('attribution: "asked the crowd" names the listener, never the speaker', () => {
  const text = 'Nadia Kerr, delivering Ivo Cross\u2019 speech, asked the Harbor crowd "Why should we give him the job at all?"';
  assert.notEqual(speakerIn(text, 'give him'), 'the Harbor crowd');
});

test('attribution: a time, a quantity or a day is never the speaker', () => {
  assert.notEqual(speakerIn('"Let us go now, before it is too late," two minutes later said Ivo Brandt.', 'too late'), 'two minutes');
  assert.equal(speakerIn('The vote came on Tuesday, said Ivo Brandt: "We lost it fair and square, all of us."', 'fair and square'), 'Ivo Brandt');
});

test('attribution: "he demurred:" introduces what he said', () => {
  const text = 'Ivo Brandt spoke in Harlan.\n\nAsked which county was his favorite, he demurred: "Whichever one I am in at the moment."';
  assert.equal(speakerIn(text, 'Whichever'), 'Ivo Brandt');
});

test('attribution: a statement, a letter or an email left of its verb speaks ("the letter reads")', () => {
  const text =
    'Parents in Harlan wrote to the county board last week.\n\n"We ask only for a school our children can walk to," the letter reads.\n\n' +
    'The campaign answered on Friday. "We have nothing further to add on this matter," the statement said.';
  assert.equal(speakerIn(text, 'walk to'), 'the letter');
  assert.equal(speakerIn(text, 'nothing further'), 'the statement');
});

test('attribution: the quote after "she said." goes on in her voice even when no name resolves "she"', () => {
  const text = 'The crowd grew quiet.\n\n"Look at him go," she said. "He runs like the wind, that one."';
  assert.equal(speakerIn(text, 'like the wind'), 'she');
});

test('quotes: a word quoted inside a quote with the same marks does not end it', () => {
  const text = 'Readers wrote in after the debate.\n\n“I would sooner live in what he calls “chaos” than in the order he promises.” ― Mara Quill';
  const q = analyse.analyseText(text).quotes.find((x) => x.text.includes('sooner live'));
  assert.ok(q?.text.includes('order he promises'), `the quote goes on past “chaos”: ${q?.text}`);
  assert.equal(speakerIn(text, 'sooner live'), 'Mara Quill');
});

test('quotes: a straight double mark set off after a single closing mark closes the quote', () => {
  const text = 'Ivo Brandt spoke at the hall.\n\n"I have never liked the phrase \'voter outreach,\' " he told the group, adding that it was empty.';
  const q = analyse.analyseText(text).quotes.find((x) => x.text.includes('never liked'));
  assert.ok(q && !q.text.includes('told the group'), `the quote ends before the cue: ${q?.text}`);
  assert.equal(speakerIn(text, 'never liked'), 'Ivo Brandt');
});

test('attribution: a name and a comma may open a long apposition before the verb', () => {
  const text = '“We are telling the story our own way, at last,” Mara Quill, the founding director of the Harbor Media Lab and who also appears in the series, told reporters.';
  assert.equal(speakerIn(text, 'our own way'), 'Mara Quill');
});

test('attribution: "the mother of three replied" is a described speaker, not a number', () => {
  const text = 'Lena Marsh spoke about the plan. Asked why fathers were left out, the 41-year-old mother of three replied, "It is meant for the parent who gave birth."';
  assert.equal(speakerIn(text, 'gave birth'), 'the 41-year-old mother of three');
});

test('attribution: "it further wrote" keeps its subject', () => {
  const text = 'The Harbor Times profiled Ivo Brandt in 1990.\n\n"Mr. Brandt has managed to erase much of his debt," the Times wrote.\n\n"But since then his luck has turned," it further wrote.';
  assert.equal(speakerIn(text, 'luck has turned'), 'Harbor Times');
});

// ── issue 23: the speaker is an entity or a description, never the person a description is about ──

/** The quote containing `contains`, from plain text. */
function quoteIn(text: string, contains: string): Quote {
  const q = analyse.analyseText(text).quotes.find((x) => x.text.includes(contains));
  assert.ok(q, `no quote contains “${contains}”`);
  return q;
}

test('attribution: "aides to the chancellor said" is a described speaker, not the chancellor', () => {
  const text =
    'Chancellor Markus Feldner met the premier on Monday.\n\n"We are disappointed with the outcome," aides to the chancellor said.\n\n' +
    'Nils Varga is under pressure.\n\n"He will not resign over this at all," a person close to Varga said.\n\n' +
    '"The talks are serious but still early," two people familiar with the talks said Tuesday.';
  const aides = quoteIn(text, 'disappointed');
  assert.equal(aides.speaker, null);
  assert.equal(aides.speakerName, 'aides to the chancellor');
  const close = quoteIn(text, 'not resign');
  assert.equal(close.speaker, null);
  assert.equal(close.speakerName, 'a person close to Varga');
  assert.equal(quoteIn(text, 'serious but').speakerName, 'two people familiar with the talks');
});

test('attribution: a spokesman or a statement for an organization speaks for it', () => {
  const text =
    'The Harlan Water Authority raised its rates.\n\n"The increase was unavoidable this year," a spokesman for the Harlan Water Authority said.\n\n' +
    '"We will review the rates again in spring," a statement from the Harlan Water Authority said.';
  assert.equal(speakerIn(text, 'unavoidable'), 'Harlan Water Authority');
  assert.equal(speakerIn(text, 'review the rates'), 'Harlan Water Authority');
});

test('entities: an all-caps dateline that is a known place is that place, never an organization', () => {
  const text = 'BERLIN \u2014 Leaders met in Berlin on Monday.\n\nThe readout was upbeat: "Both sides see great potential for cooperation," it said.';
  const a = analyse.analyseText(text);
  const berlin = a.entities.filter((e) => /berlin/i.test(e.name));
  assert.deepEqual(
    berlin.map((e) => e.type),
    ['place'],
  );
  const q = quoteIn(text, 'great potential');
  assert.equal(q.speaker, null, '"it" is not the dateline');
});

test('entities: a headline phrase with "Rumor" or "Update" is not a person', () => {
  const text = 'Red Sox-Teixeira Rumor Heats Up\n\nTrade Deadline Update: Boston Weighs Its Options\n\n' + 'The Red Sox-Teixeira Rumor will not go away, said Dana Whitcombe, the general manager.';
  const names = analyse.analyseText(text).entities.map((e) => `${e.type}:${e.name}`);
  assert.ok(!names.some((n) => /Rumor|Update/.test(n)), names.join(', '));
});

test('entities: a name after "the" with no title is no person ("the Red Sox", "the Rangers")', () => {
  const text = 'The Red Sox are talking with the Rangers about Luis Teixeira.\n\n"We are always looking," Dana Whitcombe said.\n\n' + '"We will not comment," the Rangers said in a statement.';
  const a = analyse.analyseText(text);
  const typeOf = (name: string): string | undefined => [...a.entities, ...a.unconfirmed].find((e) => e.name === name)?.type;
  assert.equal(typeOf('Red Sox'), 'organization');
  assert.equal(typeOf('Rangers'), 'organization');
  assert.equal(typeOf('Luis Teixeira'), 'person');
  assert.equal(speakerIn(text, 'not comment'), 'Rangers');
});

test('attribution: "Aides to the owner said" opening a sentence is described, not the owner', () => {
  const text = 'The owner has been quiet.\n\nAides to the owner said the talks were "serious but still early for everyone."\n\nJohnson of Eastland said: "We will vote no on this."';
  assert.equal(speakerIn(text, 'serious but'), 'Aides to the owner');
  assert.equal(speakerIn(text, 'vote no'), 'Johnson');
});

test('attribution: a participle with its own subject speaks for it, not for the clause ("with X yelling")', () => {
  const text =
    'Hundreds of fans packed the hall in Marlow on Saturday, and some of the crowd booed a rival, with Ivo Brandt reportedly yelling: "Get him out of the building!"\n\n' +
    'The new advert ends with a narrator saying: "Can voters trust Dana Whitcombe on taxes?"';
  assert.equal(speakerIn(text, 'Get him out'), 'Ivo Brandt');
  const narrator = quoteIn(text, 'Can voters');
  assert.equal(narrator.speaker, null);
  assert.equal(narrator.speakerName, 'a narrator');
});

test('attribution: "Name, who tweeted" speaks; a title "called" something is no quote of the noun', () => {
  const text =
    'Among the replies was a post from Nils Varga, who tweeted, "The rules are never followed here."\n\n' +
    'In May, after Varga lost the vote, Dana Whitcombe shared a reading list for a course called "Perception" on her page, writing "Here is the list you said never existed."';
  assert.equal(speakerIn(text, 'rules are never'), 'Nils Varga');
  assert.equal(quoteIn(text, 'Perception').speakerName, null);
  assert.equal(speakerIn(text, 'list you said'), 'Dana Whitcombe');
});

test('attribution: a programme named in quotes ("said on “Harbour Evening”") is no quote; the quotes around it keep their speaker', () => {
  const text =
    'The pier vote is a week away.\n\n"It is a partisan farce," Sen. Ilse Marchetti said on "Harbour Evening Report." She also told "Morning With Dana" that there was "zero chance of a deal."';
  const quotes = analyse.analyseText(text).quotes.map((q) => q.text);
  assert.ok(!quotes.some((q) => q.includes('Harbour Evening') || q.includes('Morning With')), quotes.join(' | '));
  assert.equal(speakerIn(text, 'partisan farce'), 'Ilse Marchetti');
  assert.equal(speakerIn(text, 'zero chance'), 'Ilse Marchetti');
});
