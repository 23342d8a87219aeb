// Verbs and phrases that attribute words to a speaker, as news copy uses them.

/** Lemmas of speech and reporting verbs ("said", "told", "added", "warned", "wrote"). */
export const SPEECH_VERBS = new Set(
  `say tell add ask note explain insist argue warn write declare state claim reply respond answer announce
  stress emphasize emphasise caution acknowledge admit recall continue conclude comment observe remark
  suggest urge vow pledge promise complain report tweet post quip joke concede predict describe
  demand assert maintain contend allege reiterate confirm deny testify shout whisper cry scream yell
  recount reveal disclose indicate reason counter retort interject mutter plead lament boast brag
  grumble admonish advise agree disagree express affirm repeat read underline highlight summarize
  summarise signal hint muse wonder exclaim forecast estimate demur`.split(/\s+/),
);

/** Verbs that introduce a partial quote as a label: "called the talks 'frank'". */
export const LABELING_VERBS = new Set([
  'call',
  'describe',
  'characterize',
  'characterise',
  'label',
  'term',
  'dub',
  'brand',
  'hail',
  'praise',
  'condemn',
  'denounce',
  'criticize',
  'criticise',
  'slam',
  'welcome',
]);

export type PronounAgreement = 'male' | 'female' | 'thing' | 'group' | 'self';

/** Pronouns that can be the subject of a speech verb, with the speakers they agree with. */
export const SUBJECT_PRONOUNS: ReadonlyMap<string, PronounAgreement> = new Map([
  ['he', 'male'],
  ['she', 'female'],
  ['it', 'thing'],
  ['they', 'group'],
  ['i', 'self'],
  ['we', 'self'],
]);

/** Nouns for the occasion of a statement, skipped between a speech verb and its subject. */
export const STATEMENT_NOUNS = new Set([
  'statement',
  'interview',
  'briefing',
  'conference',
  'release',
  'post',
  'tweet',
  'speech',
  'remarks',
  'letter',
  'editorial',
  'commentary',
  'report',
  'message',
  'email',
  'address',
  'hearing',
  'podcast',
  'broadcast',
]);
