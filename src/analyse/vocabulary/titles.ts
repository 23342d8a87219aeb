// Titles and roles written before or after a person's name in news copy. Generic English
// newsroom vocabulary, not any one event's: it decides where a title ends and a name begins.

/** Words that make a capitalised run a person's title ("Foreign Minister", "Sen.", "Dr."). */
export const TITLE_HEADS = new Set(
  `President Minister Secretary Secretary-General Premier Chancellor Mayor Governor Gov. Senator Sen.
  Representative Rep. Congressman Congresswoman Ambassador Envoy Spokesman Spokeswoman Spokesperson
  Chairman Chairwoman Chair Chairperson Director Director-General Commissioner Judge Justice King Queen
  Prince Princess Pope Cardinal Bishop Archbishop Rabbi Imam Rev. Reverend Dr. Mr. Mrs. Ms. Miss Mx.
  Prof. Professor Sheikh Emir Sultan Speaker Leader Councillor Councilor Councilmember Alderman Sheriff
  Inspector Detective Officer Sergeant Sgt. Lieutenant Lt. Colonel Col. Major Maj. Captain Capt. General
  Gen. Admiral Adm. Marshal Commander Cmdr. Chief Attorney Prosecutor Coach Dean Provost Rector
  Superintendent Treasurer Comptroller Auditor CEO CFO COO President-elect Sir Dame`.split(/\s+/),
);

/** Words that may stand inside a title before its head ("Foreign", "Deputy", "Prime"). */
export const TITLE_MODIFIERS = new Set(
  `Foreign Defense Defence Interior Home Finance Economy Economic Trade Health Education Commerce Treasury
  Energy Transport Transportation Agriculture Labor Labour Environment Culture Justice Security Homeland
  Communications Information Digital Science Technology Industry Infrastructure Housing Immigration
  Public Works Tourism Sports Youth Women Family Social Affairs Development Planning Budget Water Climate
  Deputy Vice Prime First Acting Former Chief Senior Executive Assistant Associate Principal Lord Lady Grand
  Supreme Federal State National Regional Provincial County City Town Municipal Press Army Navy Air Force
  Police Fire Party Opposition Majority Minority House Senate Team Head Managing Special Permanent General
  Attorney Lieutenant Crown Commanding Council Board Committee Cabinet Democratic Republican
  Conservative Liberal Socialist Labour Green Independent Progressive Libertarian Oversight Intelligence
  Judiciary Appropriations Armed Services Panel`.split(/\s+/),
);

/** Small words allowed inside a title: "Secretary of State", "Minister for Home Affairs". */
export const TITLE_LINKS = new Set(['of', 'for', 'the', 'and', '&']);

/** Honorifics and gendered titles: the gender a pronoun must agree with. */
export const TITLE_GENDER: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ...['Mr.', 'Mr', 'King', 'Prince', 'Sir', 'Lord', 'Congressman', 'Spokesman', 'Chairman', 'Sheikh', 'Emir', 'Sultan', 'Pope', 'Cardinal', 'Archbishop', 'Father', 'Brother', 'Alderman'].map(
    (w) => [w.toLowerCase(), 'male'] as const,
  ),
  ...['Mrs.', 'Mrs', 'Ms.', 'Ms', 'Miss', 'Queen', 'Princess', 'Lady', 'Dame', 'Congresswoman', 'Spokeswoman', 'Chairwoman', 'Sister', 'Madam'].map((w) => [w.toLowerCase(), 'female'] as const),
]);

/**
 * Lower-case nouns naming a role, for appositions ("Wang Yi, China's top diplomat") and for
 * descriptions before a name ("the engineer Tobias Renner"). Suffix rules cover the long tail.
 */
const ROLE_NOUNS = new Set(
  `diplomat minister president secretary official leader chief head director chair executive ceo founder
  owner manager analyst expert economist scientist researcher professor lecturer scholar fellow dean
  student teacher doctor nurse physician surgeon lawyer attorney judge prosecutor officer police sheriff
  detective inspector soldier general commander colonel captain pilot engineer architect reporter
  correspondent journalist editor writer columnist author anchor host producer photographer commentator
  adviser advisor aide consultant envoy ambassador representative lawmaker legislator senator governor
  mayor councillor councilor member candidate activist campaigner organizer volunteer worker employee
  farmer resident neighbor neighbour witness survivor victim mother father son daughter wife husband
  sister brother widow parent shopkeeper driver citizen voter veteran strategist negotiator mediator
  observer monitor auditor regulator banker investor trader entrepreneur president-elect premier
  chancellor king queen prince princess pope bishop priest pastor imam rabbi coach player athlete
  striker goalkeeper singer actor actress artist musician deputy assistant vice-president
  vice-chairman secretary-general director-general superintendent specialist technician operator
  contractor planner designer administrator coordinator commissioner treasurer clerk staffer agent
  broker landlord tenant patient pensioner`.split(/\s+/),
);

const ROLE_SUFFIXES = /(?:man|woman|person|ist|ologist|ian|eer)$/;

export function isRoleNoun(word: string): boolean {
  const w = word.toLowerCase();
  if (ROLE_NOUNS.has(w)) return true;
  if (w.endsWith('s') && ROLE_NOUNS.has(w.slice(0, -1))) return true;
  return w.length > 5 && ROLE_SUFFIXES.test(w);
}
