// Words that say nothing about which event an article reports: function words, the verbs of
// reporting every story uses, and the bits of web addresses that leak into scraped text.
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost also although am among an and another any are around as at
  be became because become been before being below between both but by can cannot could did do does doing
  done down during each either else even ever every few for from further get gets got had has have having he
  her here hers herself him himself his how however i if in into is it its itself just last least less like
  made make many may me might more most much must my myself near neither no nor not now of off often on once
  one only onto or other others otherwise our ours ourselves out over own per perhaps rather same several
  she should since so some such than that the their theirs them themselves then there these they this those
  though through thus to too toward towards under until up upon us very via was we were what whatever when
  where whether which while who whom whose why will with within without would yet you your yours yourself
  yourselves s t d ll m re ve don doesn didn isn wasn weren aren won wouldn couldn shouldn hasn haven hadn
  said says say saying told tell tells according reported reports report reportedly added adding
  mr mrs ms dr also just still new news com www http https html htm php`
    .split(/\s+/)
    .filter(Boolean),
);

/** Capitalised words that are not names: calendar words and forms of address. */
export const NOT_NAMES: ReadonlySet<string> = new Set(
  `january february march april may june july august september october november december jan feb mar apr jun
  jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu
  thur thurs fri sat sun today yesterday tomorrow mr mrs ms dr i`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that stay lower-case in a title-cased headline or title ("Meet the Press", "Senate Passes Bill in a Day"). */
export const TITLE_MINOR_WORDS: ReadonlySet<string> = new Set('a an and as at but by for from in into is of on or over per the to up via vs with amid after than that'.split(' '));
