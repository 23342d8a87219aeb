// Words the comparison stage reads specially. General news English: nothing here is about one story.

/** Verbs and nouns that carry no fact of their own ("said", "have", "thing"): left out of similarity. */
const LIGHT_WORDS = new Set([
  'be',
  'have',
  'do',
  'say',
  'tell',
  'add',
  'make',
  'get',
  'go',
  'come',
  'take',
  'give',
  'put',
  'let',
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'must',
  'shall',
  'should',
  'thing',
  'way',
  'lot',
  'kind',
  'part',
  'time',
  'year',
  'day',
  'week',
  'month',
  'people',
  'percent',
  'mr',
  'mrs',
  'ms',
  'dr',
  'other',
  'such',
  'own',
  'same',
  'many',
  'much',
  'more',
  'most',
  'few',
  'new',
  'last',
  'first',
  'next',
  'early',
  'late',
  'also',
]);

/**
 * Words outlets use interchangeably for one kind of event, mapped to one term so that "met for six
 * hours" and "talks that lasted six hours", or a translation's "refused" and a wire's "declined",
 * count as the same words.
 */
const EVENT_SYNONYMS: Record<string, string[]> = {
  meet: ['meet', 'meeting', 'talk', 'talks', 'session', 'encounter', 'discussion', 'discuss', 'summit', 'sit-down', 'negotiation', 'negotiate'],
  refuse: ['refuse', 'refusal', 'decline', 'reject', 'rejection', 'rebuff', 'deny', 'spurn'],
  postpone: ['postpone', 'delay', 'defer', 'put off', 'reschedule'],
  cancel: ['cancel', 'cancellation', 'call off', 'scrap'],
  agree: ['agree', 'agreement', 'accord', 'consensus', 'deal'],
  visit: ['visit', 'trip', 'travel', 'tour', 'journey'],
  kill: ['kill', 'killing', 'die', 'dead', 'death', 'fatality', 'fatal'],
  injure: ['injure', 'injury', 'wound', 'hurt', 'injured'],
  arrest: ['arrest', 'detain', 'detention', 'custody'],
  announce: ['announce', 'announcement', 'confirm', 'confirmation', 'disclose', 'reveal', 'unveil'],
  stress: ['stress', 'emphasize', 'emphasise', 'underscore', 'underline', 'highlight', 'insist'],
  urge: ['urge', 'press', 'push', 'call on', 'demand'],
  begin: ['begin', 'start', 'launch', 'open', 'kick off'],
  end: ['end', 'finish', 'conclude', 'close', 'wrap up'],
  communication: ['communication', 'channel', 'contact', 'dialogue', 'dialog', 'exchange', 'link'],
  military: ['military', 'army', 'armed', 'defense', 'defence'],
  relation: ['relation', 'relationship', 'tie'],
  improve: ['improve', 'ease', 'stabilize', 'stabilise', 'thaw', 'mend', 'repair'],
  sanction: ['sanction', 'embargo', 'restriction'],
};

const CANONICAL = new Map<string, string>();
for (const [canonical, words] of Object.entries(EVENT_SYNONYMS)) for (const word of words) CANONICAL.set(word, canonical);

export function isLightWord(lemma: string): boolean {
  return LIGHT_WORDS.has(lemma);
}

export function canonicalTerm(lemma: string): string {
  return CANONICAL.get(lemma) ?? lemma;
}
