// Dates found by the value parser, resolved against the document's date, and the document's
// date inferred from its text. Invented sentences; the reference day is Wednesday 2024-03-13.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findValues, inferReferenceDate, type FoundValue } from '../src/compare/values/index.ts';
import { DATE_PIECE_CHARS, pieces } from '../src/compare/values/reference-date.ts';

const REFERENCE = '2024-03-13';

/** Whole days since 1970-01-01 for an ISO day. */
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The one date printed as `printed` in `text`, its span checked. */
function date(text: string, printed: string, reference: string | null = REFERENCE): FoundValue {
  const found = findValues(text, { reference }).filter((v) => v.kind === 'date' && v.text === printed);
  assert.equal(found.length, 1, `expected the date ${JSON.stringify(printed)} in ${JSON.stringify(text)}, got ${JSON.stringify(findValues(text, { reference }).map((v) => v.text))}`);
  const v = found[0]!;
  assert.equal(text.slice(v.start, v.end), v.text);
  assert.equal(v.unit, 'day');
  return v;
}

/** The ISO range a date resolves to, checked against its day numbers. */
function range(text: string, printed: string, reference: string | null = REFERENCE): [string, string] | null {
  const v = date(text, printed, reference);
  if (!v.date) return null;
  assert.deepEqual([v.low, v.high], [day(v.date.from), day(v.date.to)]);
  return [v.date.from, v.date.to];
}

type ExpectedRange = [text: string, printed: string, from: string, to: string];

/** Each text holds the date printed so, resolving (against REFERENCE) to that ISO range. */
function expectRanges(rows: ExpectedRange[]): void {
  for (const [text, printed, from, to] of rows) assert.deepEqual(range(text, printed), [from, to], text);
}

test('weekdays: the latest on or before the reference, the next one in the future tense', () => {
  expectRanges([
    ['On Monday the mayor resigned.', 'Monday', '2024-03-11', '2024-03-11'],
    ['The mayor resigned on Monday.', 'Monday', '2024-03-11', '2024-03-11'],
    ['The mayor will resign on Monday.', 'Monday', '2024-03-18', '2024-03-18'],
    ['On Monday, the mayor will resign.', 'Monday', '2024-03-18', '2024-03-18'],
    ['The council is expected to vote on Friday.', 'Friday', '2024-03-15', '2024-03-15'],
    ['The union plans to strike on Thursday.', 'Thursday', '2024-03-14', '2024-03-14'],
    ['The budget is due to pass on Wednesday.', 'Wednesday', '2024-03-13', '2024-03-13'],
    ["Sunday's talks ended without a deal.", 'Sunday', '2024-03-10', '2024-03-10'],
  ]);
  assert.equal(date("Sunday's talks ended without a deal.", 'Sunday').weekday, 0);
  // the future tense of one clause does not reach a date in an earlier clause
  const text = 'The envoys met on Sunday and will meet again on Monday.';
  assert.deepEqual(range(text, 'Sunday'), ['2024-03-10', '2024-03-10']);
  assert.deepEqual(range(text, 'Monday'), ['2024-03-18', '2024-03-18']);
});

test('last, next and this with a weekday', () => {
  expectRanges([
    ['The ferry sank last Friday.', 'last Friday', '2024-03-08', '2024-03-08'],
    ['The ferry sails next Monday.', 'next Monday', '2024-03-18', '2024-03-18'],
    ['The ferry sails this Friday.', 'this Friday', '2024-03-15', '2024-03-15'],
    ['The ferry sailed last Wednesday.', 'last Wednesday', '2024-03-06', '2024-03-06'],
  ]);
});

test('months: the latest not after the reference month, the next one in the future tense', () => {
  expectRanges([
    ['The plant reopened in February.', 'February', '2024-02-01', '2024-02-29'],
    ['The plant closed in November.', 'November', '2023-11-01', '2023-11-30'],
    ['Prices rose in March.', 'March', '2024-03-01', '2024-03-31'],
    ['Work is expected to resume in November.', 'November', '2024-11-01', '2024-11-30'],
    ['The fair will return in February.', 'February', '2025-02-01', '2025-02-28'],
    ['The dam has leaked since June.', 'since June', '2023-06-01', '2023-06-30'],
  ]);
  assert.equal(date('The dam has leaked since June.', 'since June').relation, 'since');
  expectRanges([
    ['The road was shut until May.', 'until May', '2023-05-01', '2023-05-31'],
    ['The pier was repaired last February.', 'last February', '2024-02-01', '2024-02-29'],
    ['The pier reopens next June.', 'next June', '2024-06-01', '2024-06-30'],
    ['The votes were counted in early June.', 'early June', '2023-06-01', '2023-06-10'],
    ['Snow fell in late February.', 'late February', '2024-02-21', '2024-02-29'],
    // "might" looks ahead; "plans" after a possessive is a noun, not the future tense.
    ['The minister might attend the fair in November.', 'November', '2024-11-01', '2024-11-30'],
    ['His initial plans to travel were postponed in February.', 'February', '2024-02-01', '2024-02-29'],
    ['She plans to travel in February.', 'February', '2025-02-01', '2025-02-28'],
    // The day after "said" dates the saying, even when what was said looks ahead.
    ['The road will stay shut for months, officials said Tuesday.', 'Tuesday', '2024-03-12', '2024-03-12'],
  ]);
});

test('May and March only as months where the context says so', () => {
  const dates = (text: string) =>
    findValues(text, { reference: REFERENCE })
      .filter((v) => v.kind === 'date')
      .map((v) => v.text);
  assert.deepEqual(dates('The board may vote again.'), []);
  assert.deepEqual(dates('May the best choir win.'), []);
  assert.deepEqual(dates("The Women's March drew crowds."), []);
  assert.deepEqual(dates('They march to the square.'), []);
  assert.deepEqual(dates('The fair opened in May.'), ['May']);
  assert.deepEqual(range('The fair opens March 3.', 'March 3'), ['2024-03-03', '2024-03-03']);
});

test('years, decades and spans of years', () => {
  assert.deepEqual(range('Rents have doubled since 2021.', 'since 2021'), ['2021-01-01', '2021-12-31']);
  assert.equal(date('Rents have doubled since 2021.', 'since 2021').relation, 'since');
  assert.deepEqual(range('The canal was dug in 1887.', '1887', null), ['1887-01-01', '1887-12-31']);
  assert.deepEqual(range('Jazz clubs thrived in the 1990s.', '1990s', null), ['1990-01-01', '1999-12-31']);
  assert.deepEqual(range('The bridge was rebuilt in 2019-2021.', '2019-2021', null), ['2019-01-01', '2021-12-31']);
  assert.deepEqual(range('The bridge was rebuilt in 2019-21.', '2019-21', null), ['2019-01-01', '2021-12-31']);
  assert.deepEqual(range('Floods returned in mid-2021.', 'mid-2021', null), ['2021-05-02', '2021-09-01']);
  assert.equal(date('The lease runs until 2030.', 'until 2030').relation, 'until');
  assert.equal(date('Nobody swam there before 1950.', 'before 1950').relation, 'before');
});

test('relative days, weeks, months and years', () => {
  expectRanges([
    ['The shop closed yesterday.', 'yesterday', '2024-03-12', '2024-03-12'],
    ['The shop closed today.', 'today', '2024-03-13', '2024-03-13'],
    ['The shop reopens tomorrow.', 'tomorrow', '2024-03-14', '2024-03-14'],
    ['Turnout fell last year.', 'last year', '2023-01-01', '2023-12-31'],
    ['Turnout rose this year.', 'this year', '2024-01-01', '2024-12-31'],
    ['The levy was cut earlier this month.', 'earlier this month', '2024-03-01', '2024-03-13'],
    ['The bill passed this week.', 'this week', '2024-03-11', '2024-03-17'],
    ['The bill stalled last week.', 'last week', '2024-03-04', '2024-03-10'],
    ['The bill returns next week.', 'next week', '2024-03-18', '2024-03-24'],
    ['The strike began last month.', 'last month', '2024-02-01', '2024-02-29'],
    ['Talks resume later this year.', 'later this year', '2024-03-13', '2024-12-31'],
  ]);
});

test('full dates in every order, with and without a weekday', () => {
  const full: [string, string][] = [
    ['The dam opened on June 19, 2023, after years of work.', 'June 19, 2023'],
    ['The dam opened on 19 June 2023 after years of work.', '19 June 2023'],
    ['The dam opened on 2023-06-19 after years of work.', '2023-06-19'],
    ['The dam opened on 19/06/2023 after years of work.', '19/06/2023'],
    ['The dam opened on Jun. 19, 2023.', 'Jun. 19, 2023'],
    ['The dam opened on June 19th, 2023.', 'June 19th, 2023'],
  ];
  for (const [text, printed] of full) assert.deepEqual(range(text, printed, null), ['2023-06-19', '2023-06-19'], text);

  const withWeekday = date('The summit opened on Monday, June 19, in the capital.', 'Monday, June 19', '2023-06-20');
  assert.deepEqual([withWeekday.date, withWeekday.weekday], [{ from: '2023-06-19', to: '2023-06-19' }, 1]);
  // no year printed: the weekday picks the year nearest the reference in which June 19 is a Monday
  assert.deepEqual(date('The summit opened on Monday, June 19.', 'Monday, June 19').date, { from: '2023-06-19', to: '2023-06-19' });
  expectRanges([
    ['The fair runs June 19-21.', 'June 19-21', '2024-06-19', '2024-06-21'],
    ['Fireworks light up the 4th of July.', 'the 4th of July', '2024-07-04', '2024-07-04'],
  ]);
  assert.deepEqual(range('The vote was on Sunday, Oct. 1, 2023.', 'Sunday, Oct. 1, 2023', null), ['2023-10-01', '2023-10-01']);
  // day and month cannot be told apart: no date, and no numbers either
  assert.deepEqual(
    findValues('The form is dated 06/07/2023.').map((v) => v.text),
    [],
  );
});

test('without a reference, relative dates stay unresolved but keep their weekday', () => {
  const monday = date('On Monday the mayor resigned.', 'Monday', null);
  assert.deepEqual([monday.low, monday.high, monday.date, monday.weekday], [-Infinity, Infinity, null, 1]);
  const february = date('The plant reopened in February.', 'February', null);
  assert.deepEqual([february.low, february.high, february.date, february.weekday], [-Infinity, Infinity, null, null]);
  const withWeekday = date('The summit opened on Monday, June 19.', 'Monday, June 19', null);
  assert.deepEqual([withWeekday.date, withWeekday.weekday], [null, 1]);
  assert.equal(date('The shop closed yesterday.', 'yesterday', null).date, null);
  // an unparseable reference counts as none
  assert.equal(date('The shop closed yesterday.', 'yesterday', 'last Tuesday').date, null);
});

test('the document date: the publication date when it parses', () => {
  assert.equal(inferReferenceDate('Nothing dated here.', '2024-03-13T22:15:00-05:00'), '2024-03-13');
  assert.equal(inferReferenceDate('Nothing dated here.', '2024-03-13'), '2024-03-13');
  assert.equal(inferReferenceDate('Nothing dated here.', 'March 13, 2024'), '2024-03-13');
  assert.equal(inferReferenceDate('Nothing dated here.', 'Wed, 13 Mar 2024 08:00:00 GMT'), '2024-03-13');
  assert.equal(inferReferenceDate('Posted June 2, 2022.', 'not a date'), '2022-06-02');
  assert.equal(inferReferenceDate('Posted June 2, 2022.', null), '2022-06-02');
});

test('the document date: else the latest full date printed in the text', () => {
  const text = 'Filed 3 May 2022. The tribunal first sat on April 28, 2022, and will sit again on 2022-05-09.';
  assert.equal(inferReferenceDate(text, null), '2022-05-09');
  // a weekday, a day and a month: the weekday fixes the year nearest the other dates printed
  assert.equal(inferReferenceDate('Tuesday, June 20 — The mill has been idle since 2021.', null), '2023-06-20');
  assert.equal(inferReferenceDate('Tuesday, June 20 — The mill was idle in 2017.', null), '2017-06-20');
  // nothing to fix the year by, or no full date at all
  assert.equal(inferReferenceDate('Tuesday, June 20 — The mill is idle.', null), null);
  assert.equal(inferReferenceDate('The mill closed on Monday in February.', null), null);
  assert.equal(inferReferenceDate('', null), null);
});

test('the document date of a report longer than a piece: read in pieces, dates from all of them', () => {
  const filler = (from: number) => Array.from({ length: 1200 }, (_, i) => `Paragraph ${from + i}: the council met again and talked about the bridge.`).join('\n\n');
  const text = ['Tuesday, June 20 — The mill had been idle.', filler(0), 'It has been idle since 2021.', filler(1200), 'It may open again.'].join('\n\n');
  assert.ok(text.length > 2 * DATE_PIECE_CHARS);
  // the weekday in the first piece takes its year from the year in another piece
  assert.equal(inferReferenceDate(text, null), '2023-06-20');
  assert.equal(inferReferenceDate(`${text}\n\nFiled 3 May 2022.\n\nUpdated 9 May 2022.`, null), '2023-06-20');
  assert.equal(inferReferenceDate(`Filed 3 May 2022.\n${filler(0)}\n${filler(5000)}\nUpdated June 9, 2024.`, null), '2024-06-09');
});

test('pieces: the whole text, each piece at most the size, cut before a line break when there is one', () => {
  const lines = Array.from({ length: 500 }, (_, i) => `line ${i} ${'x'.repeat(i % 37)}`);
  for (const [text, size] of [
    [lines.join('\n'), 1000],
    [lines.join('\n\n'), 1000],
    [lines.join(' '), 1000],
    ['y'.repeat(5000), 700],
    ['short', 1000],
  ] as const) {
    const parts = [...pieces(text, size)];
    assert.equal(parts.join(''), text);
    assert.ok(parts.every((p) => p.length > 0 && p.length <= size));
    if (text.includes('\n')) assert.ok(parts.slice(1).every((p) => p.startsWith('\n')));
  }
  assert.deepEqual([...pieces('short', 1000)], ['short']);
  // a surrogate pair is never cut in two
  const emoji = '\u{1F600}'.repeat(3000);
  assert.ok([...pieces(emoji, 501)].every((p) => !/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(p)));
});

test('daysInMonth: the arithmetic agrees with Date.UTC for every month of the years 100 to 3000', async () => {
  const { daysInMonth } = await import('../src/compare/values/calendar.ts');
  for (let year = 100; year <= 3000; year++) {
    for (let month = 1; month <= 12; month++) assert.equal(daysInMonth(year, month), new Date(Date.UTC(year, month, 0)).getUTCDate(), `${year}-${month}`);
  }
  assert.equal(daysInMonth(2024, 13), 31, 'a month past December rolls over as Date does');
});
