// A light English suffix stripper, for story matching, page topics and quote wordings: "charged",
// "charges" and "charging" meet at "charg", "arrests" at "arrest". Deliberately crude (no Porter
// steps past the inflections): the terms only need to meet each other, never to be read, and it
// must cost nanoseconds.

/** Doubled final consonants that an inflection adds ("stopped" → "stop"); l, s and z stay ("killed" → "kill"). */
const UNDOUBLE = new Set(['bb', 'dd', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);

/** `word` is lowercase. Words of four letters or fewer only lose a plural s. */
export function lightStem(word: string): string {
  let w = word;
  const n = w.length;
  if (n <= 3) return w;
  if (w.endsWith('ies') && n > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length <= 4) return w;
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return w.length > 3 && UNDOUBLE.has(w.slice(-2)) ? w.slice(0, -1) : w;
}
