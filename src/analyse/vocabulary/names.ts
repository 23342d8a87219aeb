// Words that shape what a capitalised run names: organization heads, place heads, calendar words.

/** Names of newspapers and news services end in these ("The Nairobi Ledger", "Global Times"). */
export const NEWSPAPER_HEADS = new Set(
  `Ledger Sentinel Standard Mirror Express Courier Dispatch Globe Mail Record Register Bulletin
  Examiner Monitor Star Times Post Journal Herald Tribune Gazette Daily Telegraph Guardian Observer
  Chronicle Inquirer Review News`.split(/\s+/),
);

/** Bodies of government ("Foreign Ministry", "National Treasury"). */
export const GOVERNMENT_HEADS = new Set(
  `Ministry Department Agency Council Office Commission Authority Bureau Government Administration
  Treasury Cabinet Embassy Parliament Assembly Senate Congress Court Police Army`.split(/\s+/),
);

/** A run containing one of these names an organization ("Foreign Ministry", "Bank of England"). */
export const ORGANIZATION_HEADS = new Set([
  ...NEWSPAPER_HEADS,
  ...GOVERNMENT_HEADS,
  ...`Co. Co Engineering Construction Rail Railway Railways Railroad Energy Steel Oil Petroleum Gas
  Power Pharma Pharmaceuticals Foods Capital Logistics Shipping Mining Resources Industries
  Electric Telecom Insurance Bancorp Trust Brands Ventures Airline Transit Lines Wire Party
  Committee Company Corp. Corp Corporation Inc. Inc Ltd. Ltd LLC PLC plc Group Bank University
  College Institute Institution Association Union House Service Services Press Network Television Centers Centres
  TV Radio Organization Organisation Foundation Force Forces Navy Board Federation Fund Club
  Airlines Airways Guard Consulate Mission Academy School Hospital Center Centre Laboratory Labs
  Society Alliance Coalition Front Movement League Reserve Exchange Holdings Motors Technologies
  Systems Media Broadcasting Magazine Channel Studios Records Command Secretariat Directorate
  Commissariat Tribunal Prosecutor's Watch International Partners`.split(/\s+/),
]);

/** News agencies and broadcasters that speak as one voice; generic, not any event's. */
export const MEDIA_ORGANIZATIONS = new Set(
  `AP Reuters AFP Xinhua TASS RIA Interfax Kyodo Yonhap Bloomberg CNN BBC NPR PBS ABC CBS NBC Fox MSNBC
  Al Jazeera DW ANSA EFE dpa DPA Anadolu IRNA WAFA KCNA CCTV CGTN NHK`.split(/\s+/),
);

/** A run ending in one of these names a place ("South China Sea", "Harrow Street"). */
export const PLACE_HEADS = new Set(
  `Sea Ocean River Lake Bay Gulf Strait Channel Island Islands Peninsula Mountain Mountains Mount Valley
  Desert Coast Street St. Avenue Ave. Road Boulevard Square Plaza Bridge Tunnel Highway Airport Port
  Harbor Harbour Park Province County District Region Prefecture City Town Village Borough Canyon Falls
  Hall Palace Castle Cathedral Stadium Arena Heights Hills Springs Beach Creek Station Terminal`.split(/\s+/),
);

/** Capitalised words that name dates and events, never people ("Monday", "Olympics"). */
export const CALENDAR_WORDS = new Set(
  `Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
  August September October November December Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov.
  Dec. Today Yesterday Tomorrow Christmas Easter Ramadan Eid Hanukkah Thanksgiving`.split(/\s+/),
);

/**
 * Heads of capitalised runs that name events, laws or works, not entities of the three kinds; and
 * the words of headlines and story labels, which make a capitalised phrase no one's name ("Red
 * Sox-Teixeira Rumor Heats Up", "Trade Deadline Update", "Election Recap", "Budget Takeaways").
 */
export const NON_ENTITY_HEADS = new Set(
  `Games Olympics Olympic Cup Championship Summit War Day Week Act Bill Agreement Accord Treaty Convention
  Conference Forum Festival Award Awards Prize Plan Initiative Program Programme Strategy Doctrine Policy
  Era Revolution Crisis Protocol Declaration Resolution Amendment Constitution Report Index Survey
  Project Operation Campaign Covid COVID-19 Internet
  Rumor Rumors Rumour Rumours Update Updates Recap Preview Roundup Takeaways Highlights Explainer`.split(/\s+/),
);

/** Sentence-initial capitalised words that are not names even when a tagger says PROPN. */
export const NOT_NAMES = new Set(
  `I The A An This That These Those It He She They We You His Her Its Their Our My Your But And Or So Yet
  If When While After Before Since Because Although Though As At In On Of For With Without By From To Into
  Over Under Then There Here Now Still Also Even Just Only Both Each Every Some Any No Not Many Most More
  Such What Which Who Whom Whose Where Why How Yes Mr Ms Mrs Dr Like Despite During Meanwhile However
  Instead Asked Speaking According Later Earlier Last Next First Second Third Another Other Several Few
  Please Thank Thanks Well Oh OK Okay Sure Right Let Look Listen Still Overall Following Among`.split(/\s+/),
);
