// The value parser of the comparison stage on invented sentences: numbers, spans of time,
// offsets, times of day, counts, money and percentages, what must not be read, and robustness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findValues, type FoundValue } from '../src/compare/values/index.ts';
import { seededRandom } from '../bench/prng.ts';
import { assertGrowsLinearly } from './fuzz-support.ts';

/** Values in `text`, checked to slice back to their text, sorted and never overlapping. */
function values(text: string, reference: string | null = null): FoundValue[] {
  const found = findValues(text, { reference });
  let previousEnd = 0;
  for (const v of found) {
    assert.equal(v.text, text.slice(v.start, v.end), `span of ${JSON.stringify(v.text)}`);
    assert.ok(v.start >= previousEnd && v.start < v.end, `${JSON.stringify(v.text)} overlaps or is empty`);
    previousEnd = v.end;
  }
  return found;
}

/** The one value printed as `printed` in `text`. */
function value(text: string, printed: string, reference: string | null = null): FoundValue {
  const found = values(text, reference).filter((v) => v.text === printed);
  assert.equal(found.length, 1, `expected one value ${JSON.stringify(printed)} in ${JSON.stringify(text)}, got ${JSON.stringify(values(text, reference).map((v) => v.text))}`);
  return found[0]!;
}

const texts = (text: string) => values(text).map((v) => v.text);

/** Two values can both be true: same unit and intervals that meet. */
const overlaps = (a: FoundValue, b: FoundValue) => a.unit === b.unit && a.low <= b.high && b.low <= a.high;

const interval = (v: FoundValue) => [v.kind, v.low, v.high, v.unit];

type Expected = [text: string, printed: string, kind: FoundValue['kind'], low: number, high: number, unit: string];

/** Each text holds the value printed so, with that kind, interval and unit. */
function expectValues(rows: Expected[]): void {
  for (const [text, printed, ...expected] of rows) assert.deepEqual(interval(value(text, printed)), expected, text);
}

test('numbers in digits and in words', () => {
  expectValues([
    ['The ferry carried 35 cars.', '35 cars', 'number', 35, 35, 'car'],
    ['Some 1,200 people lined the quay.', 'Some 1,200 people', 'number', 1080, 1320, 'person'],
    ['The flood displaced 1.5 million people.', '1.5 million people', 'number', 1.5e6, 1.5e6, 'person'],
    ['Fifty volunteers turned up.', 'Fifty volunteers', 'number', 50, 50, 'volunteer'],
    ['The council hired twenty-three inspectors.', 'twenty-three inspectors', 'number', 23, 23, 'inspector'],
    ['Rescuers found a dozen goats on the ridge.', 'a dozen goats', 'number', 12, 12, 'goat'],
    ['The club sold one hundred and five tickets.', 'one hundred and five tickets', 'number', 105, 105, 'ticket'],
    ['The choir has 40 members.', '40 members', 'number', 40, 40, 'member'],
    ['The mill cut 12 jobs and kept the rest.', '12 jobs', 'number', 12, 12, 'job'],
    ['The survey asked 900 CEOs.', '900 CEOs', 'number', 900, 900, 'ceo'],
    ['Rescue crews pulled 14 fishermen from the sea.', '14 fishermen', 'number', 14, 14, 'fisherman'],
  ]);
});

test('spans of time, in minutes', () => {
  const cases: [string, string, number][] = [
    ['The mayors talked for seven and a half hours.', 'seven and a half hours', 450],
    ['The 35-minute session ended early.', '35-minute', 35],
    ['A 35-minute-long briefing followed.', '35-minute-long', 35],
    ['The prince began a two-day visit to the valley.', 'two-day', 2880],
    ['The vote took 90 minutes.', '90 minutes', 90],
    ['She led the orchestra for five years.', 'five years', 5 * 525960],
    ['The queue moved after half an hour.', 'half an hour', 30],
    ['They waited an hour and a half for the ferry.', 'an hour and a half', 90],
    ['The hearing ran one and a half hours.', 'one and a half hours', 90],
    ['The tunnel stayed shut for an hour.', 'an hour', 60],
    ['The crossing took two hours and 15 minutes.', 'two hours and 15 minutes', 135],
    ['The hour-long recital was sold out.', 'hour-long', 60],
  ];
  for (const [text, printed, minutes] of cases) {
    const v = value(text, printed);
    assert.deepEqual(interval(v), ['duration', minutes, minutes, 'minute'], text);
    assert.equal(v.relation, null);
  }
  // Decades are counted round: "two decades" allows 15 to 25 years, so 21 years agrees with it.
  const decades = value('The feud lasted two decades.', 'two decades');
  assert.deepEqual(interval(decades), ['duration', 1.5 * 5259600, 2.5 * 5259600, 'minute']);
  assert.ok(overlaps(decades, value('The feud lasted 21 years.', '21 years')));
  assert.ok(!overlaps(decades, value('The feud lasted 30 years.', '30 years')));
  const seconds = value('The climb took 40 seconds.', '40 seconds');
  assert.ok(Math.abs(seconds.low - 40 / 60) < 1e-9 && seconds.low === seconds.high);
});

test('a decimal without its leading zero: ".5 hours" is half an hour, not five', () => {
  expectValues([
    ['The hearing lasted .5 hours, the clerk said.', '.5 hours', 'duration', 30, 30, 'minute'],
    ['Turnout rose .75 percent on the year.', '.75 percent', 'percent', 0.75, 0.75, '%'],
    ['The levy (.25%) applies from May.', '.25%', 'percent', 0.25, 0.25, '%'],
  ]);
  assert.ok(overlaps(value('It lasted .5 hours.', '.5 hours'), value('It lasted 30 minutes.', '30 minutes')), 'the two agree');
  // A point glued to a word or to another point ends a sentence or an ellipsis; a dotted chain is no number.
  assert.deepEqual(texts('He said.5 people came.'), ['5 people']);
  assert.deepEqual(texts('and then...5 more'), ['5']);
  assert.deepEqual(texts('version .5.3 shipped'), []);
});

test('qualifiers widen the interval and are normalized', () => {
  const v = (text: string, printed: string) => {
    const found = value(text, printed);
    return [found.qualifier, found.low, found.high];
  };
  assert.deepEqual(v('The jury deliberated for about three hours.', 'about three hours'), ['about', 162, 198]);
  assert.deepEqual(v('The jury deliberated for nearly six hours.', 'nearly six hours'), ['nearly', 324, 360]);
  assert.deepEqual(v('She ignored over a dozen requests from the board.', 'over a dozen requests'), ['more than', 12, Infinity]);
  assert.deepEqual(v('At least 40 people queued.', 'At least 40 people'), ['at least', 40, Infinity]);
  assert.deepEqual(v('Fewer than 10 boats sailed.', 'Fewer than 10 boats'), ['less than', 0, 10]);
  assert.deepEqual(v('Up to 300 guests are invited.', 'Up to 300 guests'), ['at most', 0, 300]);
  assert.deepEqual(v('Roughly 30 minutes passed.', 'Roughly 30 minutes'), ['about', 27, 33]);
  assert.deepEqual(v('Close to 200 homes lost power.', 'Close to 200 homes'), ['nearly', 180, 200]);
  assert.deepEqual(v('An estimated 5,000 runners took part.', 'An estimated 5,000 runners'), ['about', 4500, 5500]);
  assert.deepEqual(v('In excess of 70 trucks crossed.', 'In excess of 70 trucks'), ['more than', 70, Infinity]);
  assert.deepEqual(v('The band played 300 or so shows.', '300 or so shows'), ['about', 270, 330]);
  assert.deepEqual(v('They signed 20 or more deals.', '20 or more deals'), ['at least', 20, Infinity]);
  assert.deepEqual(v('The fire was out within two hours.', 'within two hours'), ['at most', 0, 120]);
});

test('agreeing wordings overlap and contradicting ones do not', () => {
  const about = value('They talked for about three hours.', 'about three hours');
  const moreThan = value('They talked for more than three hours.', 'more than three hours');
  const around = value('They talked for around three hours.', 'around three hours');
  const exact = value('They talked for three hours.', 'three hours');
  assert.ok(overlaps(about, moreThan) && overlaps(about, around) && overlaps(moreThan, around));
  assert.ok(overlaps(exact, moreThan), 'three hours and more than three hours are no contradiction');

  const nearlySix = value('Day one of the talks lasted nearly six hours.', 'nearly six hours');
  const sevenAndHalf = value('Day one of the talks lasted seven and a half hours.', 'seven and a half hours');
  assert.ok(!overlaps(nearlySix, sevenAndHalf));

  const hourBefore = value('The visit was confirmed only an hour before it began.', 'an hour before');
  const minutesBefore = value('The visit was confirmed only 45 minutes before it began.', '45 minutes before');
  assert.ok(!overlaps(hourBefore, minutesBefore));

  const roughly30 = value('Their roughly 30-minute chat was cordial.', 'roughly 30-minute');
  const exactly35 = value('Their 35-minute chat was cordial.', '35-minute');
  assert.ok(!overlaps(roughly30, exactly35));

  // a duration and an offset never compare: the kinds differ even though both are in minutes
  assert.equal(hourBefore.kind, 'time');
  assert.equal(exact.kind, 'duration');
});

test('a total over several meetings is marked aggregate', () => {
  const collective = value('The envoys logged more than 10 collective hours of meetings.', 'more than 10 collective hours');
  assert.deepEqual([collective.kind, collective.low, collective.high, collective.aggregate], ['duration', 600, Infinity, true]);
  assert.equal(value('The delegates met for 12 hours in total.', '12 hours').aggregate, true);
  assert.equal(value('They met for a total of 12 hours.', '12 hours').aggregate, true);
  assert.equal(value('The two sessions ran 9 hours combined.', '9 hours').aggregate, true);
  assert.equal(value('Crews worked 400 hours altogether.', '400 hours').aggregate, true);
  assert.equal(value('Their cumulative 80 hours of flight impressed the panel.', '80 hours').aggregate, true);
  assert.equal(value('The talks took 9 hours, then the envoys left.', '9 hours').aggregate, false);
  assert.equal(value('In all cases 9 hours is the limit.', '9 hours').aggregate, false);
});

test('offsets before and after an event are times with a relation', () => {
  const cases: [string, string, number, string][] = [
    ['The meeting was announced an hour before it started.', 'an hour before', 60, 'before'],
    ['Nothing was confirmed until about an hour before the talks.', 'about an hour before', 60, 'before'],
    ['The road closed 45 minutes before the parade.', '45 minutes before', 45, 'before'],
    ['The treaty was signed two days later.', 'two days later', 2880, 'after'],
    ['The shop opened five years ago.', 'five years ago', 5 * 525960, 'ago'],
    ['A week earlier the river had flooded.', 'A week earlier', 10080, 'before'],
    ['Thirty minutes after the bell, the hall was empty.', 'Thirty minutes after', 30, 'after'],
  ];
  for (const [text, printed, minutes, relation] of cases) {
    const v = value(text, printed);
    assert.equal(v.kind, 'time', text);
    assert.equal(v.unit, 'minute');
    assert.equal(v.relation, relation, text);
    assert.ok(v.low <= minutes && minutes <= v.high, text);
  }
  assert.equal(value('Nothing was confirmed until about an hour before the talks.', 'about an hour before').qualifier, 'about');
  // After "for", "lasted", "took" the span is how long something went on, whatever follows it.
  for (const [text, printed] of [
    ['Crews fought the fire for nearly six hours before bringing it under control.', 'nearly six hours'],
    ['The vigil lasted two days after the funeral.', 'two days'],
    ['Repairs took three weeks before the line reopened.', 'three weeks'],
  ] as const) {
    const v = value(text, printed);
    assert.equal(v.kind, 'duration', text);
    assert.equal(v.relation, null, text);
  }
});

test('times of day in minutes since midnight', () => {
  const cases: [string, string, number][] = [
    ['The polls close at 3 p.m. sharp.', '3 p.m.', 900],
    ['The train left at 9:30 a.m. on time.', '9:30 a.m.', 570],
    ['Doors open at 15:30 for members.', '15:30', 930],
    ['The bells ring at noon.', 'noon', 720],
    ['The curfew starts at midnight.', 'midnight', 0],
    ['The ferry sails at 7pm.', '7pm', 1140],
    ["The recital began at 10 o'clock.", "10 o'clock", 600],
    ['Lunch is at 12 p.m.', '12 p.m.', 720],
  ];
  for (const [text, printed, minutes] of cases) {
    const v = value(text, printed);
    assert.deepEqual([v.kind, (v.low + v.high) / 2, v.unit], ['time', minutes, 'minute'], text);
  }
  const around = value('The strike began at about 3 p.m. on the docks.', 'about 3 p.m.');
  assert.deepEqual([around.low, around.high, around.qualifier], [880, 920, 'about']);
  // A time on a quarter hour may be rounded ("3:30" for 3:33); one printed to the minute is exact.
  assert.deepEqual(interval(value('The alarm sounded at 3:30 a.m. in the depot.', '3:30 a.m.')), ['time', 205, 215, 'minute']);
  assert.deepEqual(interval(value('The alarm sounded at 3:33 a.m. in the depot.', '3:33 a.m.')), ['time', 213, 213, 'minute']);
  // "about" reaches twenty minutes round an hour, under ten minutes round a time printed finer:
  // "about 3 p.m." and "about 3:30 p.m." are two times.
  const three = value('The strike began at about 3 p.m. on the docks.', 'about 3 p.m.');
  assert.ok(three.high < value('The strike began about 3:30 p.m. on the docks.', 'about 3:30 p.m.').low, 'about 3 and about 3:30 do not overlap');
  assert.ok(three.low <= 14 * 60 + 45 && three.high >= 15 * 60 + 15, 'about 3 p.m. allows 2:45 to 3:15');
  const tenPast = value('The crash happened about 4:10 p.m. downtown.', 'about 4:10 p.m.');
  const halfPast = value('The crash happened about 4:30 p.m. downtown.', 'about 4:30 p.m.');
  assert.ok(tenPast.high < halfPast.low, 'about 4:10 and about 4:30 do not overlap');
  assert.ok(value('The lights went out about 8:40 p.m. in town.', 'about 8:40 p.m.').high >= 8 * 60 + 12 * 60 + 49, 'about 8:40 allows 8:49');
  // Tokenized text spaces the meridiem and the minutes; a spaced colon needs the meridiem.
  assert.deepEqual(interval(value('The strike began at 3: 10 p. m. on the docks.', '3: 10 p. m.')), ['time', 910, 910, 'minute']);
  assert.deepEqual(texts('Chapter 3: 10 people were named.'), ['10 people']);
  // "by 6:40" is at that time or earlier; "shortly after 3 p.m." the half hour after it.
  assert.deepEqual(interval(value('The fire was out by 6:40 a.m. on Monday.', 'by 6:40 a.m.')), ['time', -Infinity, 400, 'minute']);
  assert.deepEqual(interval(value('Police arrived shortly after 3 p.m. that day.', 'shortly after 3 p.m.')), ['time', 900, 930, 'minute']);
  assert.equal(value('Police arrived shortly after 3 p.m. that day.', 'shortly after 3 p.m.').relation, null);
  // A game clock counts minutes and seconds into a round, not a time of day.
  assert.deepEqual(interval(value('The referee stopped it at the 2:15 mark.', '2:15')), ['duration', 2.25, 2.25, 'minute']);
  assert.deepEqual(interval(value('He scored at 4:30 of the third period.', '4:30')), ['duration', 4.5, 4.5, 'minute']);
  assert.equal(value('Nobody left until 6 p.m. that day.', 'until 6 p.m.').relation, 'until');
});

test('win-loss records where the sentence marks them; scores and codes stay unread', () => {
  const cases: [string, string, number[]][] = [
    ['Olsk (31-2, 22 KOs) won again.', '31-2', [31, 2]],
    ['The coach compiled a 162-139 record in four seasons.', '162-139', [162, 139]],
    ['He compiled a mark of 122-147 in Denver.', '122-147', [122, 147]],
    ['The win improved the veteran champion to 52-3 overall.', '52-3', [52, 3]],
    ['Before the bout, Pinn, 18-4-1, looked heavy.', '18-4-1', [18, 4, 1]],
    ['He retired with a 275 - 156 (. 464) record.', '275 - 156', [275, 156]],
  ];
  for (const [text, printed, tally] of cases) {
    const v = value(text, printed);
    assert.deepEqual([v.kind, v.tally, v.low], ['number', tally, tally.reduce((x, y) => x + y)], text);
  }
  for (const text of ['Arsenal won 3-1 on Sunday.', 'The vote was 5-4.', 'Call 555-0100 for details.', 'A 88-72 loss in Cleveland.', "Mora's goal took the score to 2-1."]) {
    assert.ok(
      values(text).every((v) => v.tally === null),
      text,
    );
  }
  assert.deepEqual(interval(value("Olsk, 53-3, 47 KO's, won.", "47 KO's")), ['number', 47, 47, 'ko']);
});

test('temperatures below zero are negative degrees', () => {
  expectValues([
    ['Crews fought the blaze in temperatures of minus 17 degrees.', 'minus 17 degrees', 'number', -17, -17, 'degree'],
    ['Crews worked in minus-20 degree temperatures.', 'minus-20 degree', 'number', -20, -20, 'degree'],
    ['Outside temperatures were minus 20 all night.', 'minus 20', 'number', -20, -20, 'degree'],
    ['It was -17 degrees at dawn.', '-17 degrees', 'number', -17, -17, 'degree'],
    ['The lake froze at 20 degrees below zero.', '20 degrees below zero', 'number', -20, -20, 'degree'],
  ]);
  // "minus" with no degrees and no weather word is arithmetic or a score, not read as a temperature
  assert.ok(values('Five minus 2 is 3, and a score of minus 3 is poor.').every((v) => v.unit !== 'degree'));
});

test('a rank said of someone after a copula reads as an ordinal of its noun; enumerated events do not', () => {
  expectValues([
    ['Dorn is the fourth head coach since the owner took over.', 'fourth head coach', 'number', 4, 4, 'ordinal coach'],
    ['Dorn will be the fifth Harriers coach in four years.', 'fifth Harriers coach', 'number', 5, 5, 'ordinal coach'],
    ['Dorn was named the 21st head coach in club history.', '21st head coach', 'number', 21, 21, 'ordinal coach'],
  ]);
  for (const text of ['Dorn won in the sixth round.', 'It was the fourth-quarter rally.', 'It was the first time he won.', 'His second goal came late.']) {
    assert.ok(
      values(text).every((v) => !v.unit.startsWith('ordinal')),
      text,
    );
  }
});

test('vague plurals and ranges', () => {
  expectValues([
    ['Dozens of fishermen protested.', 'Dozens of fishermen', 'number', 24, 144, 'fisherman'],
    ['Hundreds of residents left.', 'Hundreds of residents', 'number', 200, 999, 'resident'],
    ['Thousands of fans sang.', 'Thousands of fans', 'number', 2000, 9999, 'fan'],
    ['Tens of thousands of voters stayed home.', 'Tens of thousands of voters', 'number', 20000, 99999, 'voter'],
    ['The yard builds 3 to 5 ships a year.', '3 to 5 ships', 'number', 3, 5, 'ship'],
    ['The yard builds 3-5 ships a year.', '3-5 ships', 'number', 3, 5, 'ship'],
    ['The yard builds between 3 and 5 ships a year.', 'between 3 and 5 ships', 'number', 3, 5, 'ship'],
    ['The repair takes two or three days.', 'two or three days', 'duration', 2880, 4320, 'minute'],
    ['The grant is worth 3 to 5 million euros.', '3 to 5 million euros', 'money', 3e6, 5e6, 'EUR'],
  ]);
});

test('money in signs, codes and names', () => {
  const cases: [string, string, number, string][] = [
    ['Trade between the two is worth $700 billion a year.', '$700 billion', 7e11, 'USD'],
    ['The bank lost €3bn in the crash.', '€3bn', 3e9, 'EUR'],
    ['The club paid £2.5 million for the striker.', '£2.5 million', 2.5e6, 'GBP'],
    ['Exports reached 700 billion dollars.', '700 billion dollars', 7e11, 'USD'],
    ['The city fined the plant 10 million yuan.', '10 million yuan', 1e7, 'CNY'],
    ['The fee is $1,250 per seat.', '$1,250', 1250, 'USD'],
    ['The studio raised US$40m last spring.', 'US$40m', 4e7, 'USD'],
    ['The bonds pay 300 million euros.', '300 million euros', 3e8, 'EUR'],
    ['The ticket costs 5,000 yen.', '5,000 yen', 5000, 'JPY'],
  ];
  for (const [text, printed, amount, code] of cases) {
    assert.deepEqual(interval(value(text, printed)), ['money', amount, amount, code], text);
  }
  assert.deepEqual(interval(value('Repairs cost more than $3 billion.', 'more than $3 billion')), ['money', 3e9, Infinity, 'USD']);
  assert.deepEqual(interval(value('Repairs cost between $3 and $5 billion.', 'between $3 and $5 billion')), ['money', 3e9, 5e9, 'USD']);
  assert.deepEqual(texts('She bought five pounds of flour.'), ['five pounds'], 'pounds of flour are a weight, not money');
  assert.notEqual(value('She bought five pounds of flour.', 'five pounds').kind, 'money');
});

test('percentages in every spelling', () => {
  expectValues([
    ['Fifty percent of the cargo was grain.', 'Fifty percent', 'percent', 50, 50, '%'],
    ['Turnout was 50 percent.', '50 percent', 'percent', 50, 50, '%'],
    ['Turnout was 50 per cent.', '50 per cent', 'percent', 50, 50, '%'],
    ['Turnout was 50%.', '50%', 'percent', 50, 50, '%'],
    ['Turnout was 50 % in the north.', '50 %', 'percent', 50, 50, '%'],
    ['Prices rose 2.5 percent.', '2.5 percent', 'percent', 2.5, 2.5, '%'],
    ['The party gained 5 percentage points.', '5 percentage points', 'number', 5, 5, 'percentage point'],
  ]);
});

test('ages and compound counts', () => {
  expectValues([
    ['A 34-year-old baker won.', '34-year-old', 'number', 34, 34, 'year old'],
    ['The baker is 34 years old.', '34 years old', 'number', 34, 34, 'year old'],
    ['A 35-member delegation arrived.', '35-member', 'number', 35, 35, 'member'],
  ]);
});

test('how often is not how long: "every 15 minutes"', () => {
  assert.deepEqual(
    findValues('Shuttle buses will run every 15 minutes.').map((v) => v.text),
    [],
  );
  assert.deepEqual(
    findValues('Trains leave each 10 minutes, per 2 hours a crew change.').map((v) => v.kind),
    [],
  );
});

test('codes, names, ordinals and pronouns are no values', () => {
  const none = [
    'The G20 summit opened in the capital.',
    'The F-16 jets flew over the stadium.',
    'The COVID-19 ward reopened.',
    'They drove along Route 66 for fun.',
    'The first round went to the challenger.',
    'The festival ends on the 20th.',
    'One thing is clear.',
    'The treaty rests on the One China principle.',
    'No one answered the door.',
    'She is one of the best.',
    'Call 555-123-4567 for tickets.',
    'Call (202) 555-0100 for tickets.',
    'Call +44 20 7946 0958 for tickets.',
    'The team won 3-1 at home.',
    'The board votes 2:1 in favour.',
    'Details at https://example.org/2023/06/19/notice-at-15:30 online.',
    'Write to desk2023@example.org for help.',
    'The shop is open 24/7.',
    'He runs twice a day.',
    'Version 1.2.3 fixed it.',
    'Apollo 11 landed.',
    'The Group of 20 summit met in the port city.',
    'Chapter 7 is short.',
    'The 3D printer and the 5G mast.',
  ];
  for (const text of none) assert.deepEqual(texts(text), [], text);
  // "a"/"an" is one only before a unit: a rate or an ordinal is no span of time
  assert.deepEqual(texts('Parking costs $15 an hour.'), ['$15']);
  assert.deepEqual(texts('A second round is planned.'), []);
  // "one" counts with a unit
  assert.deepEqual(interval(value('The strike lasted one day.', 'one day')), ['duration', 1440, 1440, 'minute']);
});

test('years are dates, never counts', () => {
  for (const text of ['In 2021 the mill closed.', 'The 2021 harvest was poor.', 'In 2019 protesters filled the square.', 'It has grown since 2015.']) {
    const found = values(text);
    assert.equal(found.length, 1, text);
    assert.equal(found[0]!.kind, 'date', text);
  }
  assert.deepEqual(interval(value('By noon 2000 troops had arrived.', '2000 troops')), ['number', 2000, 2000, 'troop']);
  assert.deepEqual(texts('In 2021, 1,200 people marched.'), ['2021', '1,200 people']);
  assert.equal(value('Between 2019 and 2021 rents doubled.', '2019 and 2021').kind, 'date');
});

test('robustness: odd input returns quickly and never throws', () => {
  const inputs = ['', '1'.repeat(1_000_000), '\u0000\u0001\u0002\u001f\u007f', '\ud800 5 hours \udc00 \ud83d', '$'.repeat(1000), '- - - 1 - - -', '9'.repeat(400) + ' people', '1e308 hours'];
  for (const input of inputs) {
    for (const v of values(input)) assert.ok(!Number.isNaN(v.low) && !Number.isNaN(v.high));
  }
  // Long runs of one character take time in line with their length.
  for (const [what, shape] of [
    ['digits', (n: number) => '1'.repeat(n)],
    ['dollar signs', (n: number) => '$'.repeat(n)],
    ['digits before a unit', (n: number) => '9'.repeat(n) + ' people'],
    ['dashes and digits', (n: number) => '- 1 '.repeat(n)],
  ] as const) {
    assertGrowsLinearly(what, 50_000, (n) => {
      const input = shape(n);
      return () => values(input);
    });
  }
  assert.deepEqual(
    findValues('\ud800 5 hours \udc00').map((v) => v.text),
    ['5 hours'],
  );
});

test('robustness: 200 KB adversarial strings scan without catastrophic backtracking', () => {
  const adversarial = [
    '1,'.repeat(100_000),
    '1.'.repeat(100_000),
    '1-'.repeat(100_000),
    'one and '.repeat(25_000),
    'more than '.repeat(20_000),
    'a '.repeat(100_000),
    'Monday, '.repeat(25_000),
    'x'.repeat(100_000) + '@'.repeat(100_000),
    '(((( 1 ))))'.repeat(18_000),
  ];
  for (const input of adversarial) {
    // CPU time, not wall time: other test files running beside this one must not fail it. The
    // bound is loose on purpose (linear scans take ~0.1–0.5 s here; a quadratic one takes minutes);
    // speed itself is measured in bench/, not here.
    const started = process.cpuUsage();
    findValues(input, { reference: '2023-06-20' });
    const used = process.cpuUsage(started);
    const ms = (used.user + used.system) / 1000;
    assert.ok(ms < 3000, `${ms.toFixed(0)} ms on ${JSON.stringify(input.slice(0, 12))}…`);
  }
});

test('property: numbers of every shape read as printed or not at all, never as a wrong figure', () => {
  const random = seededRandom(2026);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const grouped = (n: number) => n.toLocaleString('en-US');
  for (let k = 0; k < 3000; k++) {
    const n = Math.floor(random() * 10 ** (1 + Math.floor(random() * 7)));
    const decimals = random() < 0.3 ? `.${Math.floor(random() * 100)}` : '';
    const shapes: [string, number | null][] = [
      [`${n}${decimals}`, Number(`${n}${decimals}`)],
      [grouped(n), n],
      [`${grouped(n)}${decimals}`, Number(`${n}${decimals}`)],
      // Malformed or signed shapes: read as nothing, never as a part of them.
      [`${n},,${String(n).padStart(3, '0').slice(0, 3)}`, null],
      [`-${n}`, null],
      [`${n}.${n}.${n}`, null],
    ];
    const [printed, expected] = pick(shapes);
    const unit = pick(['people', 'hours', 'cars', 'percent']);
    const text = `Officials said ${printed} ${unit} were counted on Monday.`;
    const found = findValues(text);
    for (const v of found) {
      assert.equal(text.slice(v.start, v.end), v.text);
      assert.ok(v.low <= v.high, `${text}: ${v.low} > ${v.high}`);
    }
    const read = found.find((v) => v.kind !== 'date');
    if (expected === null) {
      const at = text.indexOf(printed);
      const inside = found.filter((v) => v.kind !== 'date' && v.start < at + printed.length && at < v.end);
      assert.deepEqual(
        inside.map((v) => v.text),
        [],
        `${text}: a malformed or signed number is not read`,
      );
      continue;
    }
    if (!read || expected === 0) continue; // "0 people" may be read as none
    const scale = unit === 'hours' ? 60 : 1;
    assert.ok(Math.abs(read.low - expected * scale) < 1e-6 * Math.max(1, expected * scale), `${text} → ${read.text} = ${read.low}`);
  }
});
