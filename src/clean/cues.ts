// Interface vocabulary: words that page widgets use and article prose rarely does, for both
// cleaners: plain-text lines (classify-lines.ts) and HTML blocks (html/content-filters.ts, at the
// end of this file). Each cue is a generic pattern seen across news sites (no outlet's wording);
// a cue alone never removes a long sentence — each cleaner weighs it against the line's shape.

/** Media players: time codes, live/listen/play controls. */
export const PLAYER_CUE =
  /^(?:(?:download|embed|mute|unmute|fullscreen|full screen|captions|subtitles|playback rate|chapters|descriptions)$|.*\b(?:video player|audio player|media player|modal window|current time|remaining time|duration|loaded:?\s*\d+\s*%|seek|volume)\b.*|(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*(?:\/|of)?\s*(?:\d{1,2}:)?\d{1,2}:\d{2})?|(?:play|pause|listen|watch|live)\b.*|.*\b(?:on air|live radio|live stream|audio|podcast|episode|now playing|next up|up next|stations?)\b.*|.*\b(?:listen|play)\s*[·•|:-]?\s*(?:\d{1,2}:)?\d{1,2}:\d{2}.*)$/i;

/** Time codes in a player ("0:00", "4:12 / 12:30"). */
export const TIME_CODE = /\b(?:\d{1,2}:)?\d{1,2}:\d{2}\b/g;

/** Social platforms and sharing verbs. */
export const SOCIAL_PLATFORM =
  /\b(?:facebook|twitter|x\.com|instagram|telegram|whatsapp|linkedin|reddit|pinterest|tiktok|youtube|threads|bluesky|mastodon|google news|rss|e-?mail|print|copy link|messenger)\b/gi;
export const SHARE_VERB =
  /\b(?:share|shares|tweet|follow us|follow|join our|subscribe|sign up|newsletter|stay updated|get the app|copy link|download the app|notifications?|bookmark|save article|comments?)\b/i;
export const HANDLE = /(?:^|\s|\()@[A-Za-z0-9_]{2,}/;

/** A teaser printed inline: "Related: <headline>", "READ MORE: <headline>". */
export const TEASER_INLINE = /^(?:related|read more|read also|also read|see also|watch|listen|recommended|further reading|more|don't miss|must read)\s*[:|–—]\s*\S/i;

/** Newsletter and subscription prompts, app prompts, cookie notices: furniture of any length. */
export const SUBSCRIBE_PROMPT =
  /^(?:sign up|subscribe)\b|\b(?:sign up|subscribe|click here|get (?:our|the) .{0,30}newsletter)\b.{0,120}\b(?:newsletter|inbox|email|daily|weekly|updates|alerts|here|subscribe)\b/i;
export const APP_PROMPT = /\b(?:download|get|install)\s+(?:the|our)\b.{0,40}\bapp\b/i;
export const COOKIE_NOTICE = /\bcookies?\b.{0,200}\b(?:accept|consent|preferences|privacy|agree|continuing)\b/i;

/** A stage direction in a transcript: "(SOUNDBITE OF MUSIC)". */
export const STAGE_DIRECTION = /^\((?=[^)]*[A-Z]{3})[A-Z0-9 ,.'’&/-]+\)$/;

/** A print/publication note: "This article appears in the Autumn print edition …". */
export const EDITION_NOTE = /^(?:this|a version of this) (?:article|story|report) (?:appears|appeared|ran|was published|is published) (?:in|on)\b/i;

/** A line that is only a date or time stamp, with an optional label ("Published: …", "Posted …"). */
export const DATE_STAMP =
  /^(?:(?:published|posted|updated|last updated|first published|modified)\s*(?:on|at)?\s*:?\s*)?(?:[\p{L}]+,?\s+)?(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*[A-Z]{0,4},?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}|\d{4}-\d{2}-\d{2})\b.{0,80}$/iu;

/** Headers that introduce lists of other stories. */
export const TEASER_HEADER =
  /^(?:more (?:in|from|on|about|stories|news)\b.*|related(?: stories| articles| coverage| content| news)?:?|read (?:more|also|next)\b.*|see also:?|also read:?|you (?:may|might) (?:also )?like:?|recommended(?: for you)?:?|most (?:popular|read|viewed|shared)\b.*|top stories:?|latest(?: news| stories)?:?|trending(?: now)?:?|what to read next:?|further reading:?|(?:editor'?s )?picks?:?)$/i;

/** Lines that end a page: load-more buttons, comment prompts, ads, cookie notices, nav. */
export const BOILERPLATE_LINE =
  /^(?:load more|show more|newsletter|sponsor(?:ed)? message|transcript|print||see more|view (?:all|more)|advertisement|sponsored(?: content)?|ad|skip (?:to|ad)\b.*|back to top|continue reading|click here\b.*|(?:\d+\s+)?comments?|leave a comment|cookie.*|we use cookies\b.*|accept(?: all)?(?: cookies)?|menu|search|home|sign in|log in|subscribe(?: now)?|close|tags?:.*|topics?:.*|filed under:?.*)$/i;

/** "Updated …" and correction notes. */
export const UPDATE_NOTE =
  /^(?:\(?updated?\b.*|this (?:story|article|report|post) (?:has been|was|is being) (?:updated|corrected)\b.*|correction:.*|editor'?s note:.*|last updated\b.*|published\b.*\d.*|first published\b.*)$/i;

/**
 * Photo captions and credits. A news agency's name is a credit only where credits stand ("(AFP)" or
 * "/ Reuters" or "REUTERS/Name" or "— AFP" at the end), not in a dateline ("WASHINGTON (Reuters) -")
 * or a sentence ("a source told Reuters").
 */
export const PHOTO_CREDIT =
  /\((?:photo|image|picture|foto|video)s?(?:\s*:|\s+by|\s*\/|\s+credit)[^)]*\)|\b(?:photo|image|picture)s?\s*(?:credit)?\s*[:/]\s*[A-Z]|\b(?:getty images|ap photo|shutterstock|picture alliance)\b|[/|©(]\s*(?:afp|reuters|epa|xinhua|anadolu|imago|getty)\b(?!\)\s*[-–—])|\b(?:afp|reuters|epa|xinhua|anadolu|imago)\s*\/|(?:—|–|-|\|)\s*(?:afp|reuters|epa|xinhua|anadolu|imago|getty)\b\W*$|\bcredit:\s*\S|\bcourtesy of\b|\(file\)|\bfile photo\b/i;

/** A full date ("June 19, 2023" or "19 June 2023"): captions end with one. */
export const FULL_DATE =
  /\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4})\b/i;

/** Copyright and transcript credits; may be glued to the end of an article line. */
export const CREDIT_SENTENCE =
  /(?:^|\s|(?<=[.!?"”’]))(?:(?:transcript|copy|audio|video)\s+(?:provided|produced|prepared) by\b[^.]*\.?|(?:copyright|©|\(c\))\s*(?:\d{4}\s*)?[^.]*\.?|all rights reserved\.?)(?:\s+(?:(?:copyright|©|\(c\))\s*(?:\d{4}\s*)?[^.]*\.?|all rights reserved\.?|(?:to (?:see|learn|read|find out) more|for more(?: information)?),? visit \S+?\.?))*\s*$/i;

/**
 * Every match of CREDIT_SENTENCE holds one of these, so a line without any is passed over without
 * running it (it is tried at every space of a line, behind a look-behind).
 */
export const CREDIT_WORDS = /copyright|©|\(c\)|all rights reserved|(?:provided|produced|prepared) by/i;

/** Contributor lines: "Jane Roe contributed to this report.", "Reporting by …; editing by …". */
export const CONTRIBUTOR_LINE =
  /^(?:.{0,120}\bcontributed(?: (?:reporting|to this (?:report|story|article)))?\.?|(?:additional )?reporting by\b.{0,160}|(?:written|edited|compiled|produced) by\b.{0,120}|(?:photograph|photographs|photos?|illustrations?|graphics?|video|images?) by\b.{0,120}|(?:with )?(?:additional )?(?:reporting|writing) from\b.{0,120}|(?:this|the) (?:article|story|report) (?:was|is) (?:written|produced|reported)\b.{0,160})$/i;

/** A byline line: "By Jane Roe", "By Jane Roe and John Doe, Reuters". */
export const BYLINE_LINE =
  /^(?:[Bb][Yy]|[Ww]ritten [Bb]y|[Ww]ords [Bb]y|[Ss]tory [Bb]y|[Aa]uthors?|AUTHORS?|BY)\s*:?\s+((?:[A-Z][\p{L}'’.-]*\.?\s*){1,4}(?:(?:,|and|&)\s*(?:[A-Z][\p{L}'’.-]*\.?\s*){1,4})*)(?:\s*[,|·•–—(-]\s*(.{1,60}?)\)?)?$/u;

/** Words that make the tail of a byline a role, not an outlet ("Staff Writer", "Meteorologist"). */
export const ROLE_WORDS = /\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|meteorologist|producer|photographer|special to|intern|analyst|critic)\b/i;

/** A dateline opening a paragraph: "BEIJING –", "RIVERTON, Ore. —", "LONDON (Reuters) -". */
export const DATELINE = /^((?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})(?:,\s+[A-Z][\p{L}.]{1,15}(?:\s[A-Z][\p{L}.]{1,15})?)?(?:\s*\((?:[A-Za-z .]{2,30})\))?)\s*(?:[–—]|--?)\s+/u;

/** Third-person journalist bios: "Jane Roe is a reporter …", "… has been with X for …". */
export const BIO_SENTENCE =
  /^(?:[A-Z][\p{L}'’.-]+\s+){1,3}(?:(?:reports|writes) (?:on|about|for)\b|covers\b|(?:is|was|has been|joined|previously)\b.{0,200}\b(?:reporter|correspondent|editor|writer|journalist|columnist|bureau|covering|covers|newsroom|producer|host|anchor|contributor|joined|since|for (?:two|three|four|five|\d+) (?:decades|years)|decades?|years)\b)/u;

/** Audio/video programme mentions that show a bio line ("her reports can be heard on …"). */
export const BIO_FOLLOWUP = /\b(?:her|his|their) (?:reports|work|stories|writing) (?:can be|has been|have been|appears?|appeared)\b/i;

// ── HTML blocks (html/content-filters.ts): short blocks Readability kept ─────────────────────────

/** A block ending in a credit: "Photo: Jane Roe", "(AP Photo/…)". */
export const CREDIT_TAIL = /(?:\b(?:credit|credits|photo|photograph|image|picture|foto|source)s?\s*:\s*[^.!?]{1,80}|\((?:AP|Reuters|AFP|Getty)[^)]{0,60}\))\s*$/i;
/** A short block ending in an agency or picture library's name. */
export const AGENCY_CREDIT_TAIL = /(?:getty images|associated press|\bap photo\b|reuters|afp|shutterstock|istock|epa)\b[^.!?]{0,40}$/i;
/** "Image 3 of 12", "Photo 2/". */
export const GALLERY_COUNTER = /^(?:image|photo|slide|picture)\s*\d+\s*(?:of|\/)\s*\d*\s*$/i;
/** A block of nothing but sharing words: "Share Tweet Email". */
export const SHARE_WORDS_ONLY =
  /^(?:(?:share|tweet|email|e-mail|facebook|twitter|whatsapp|pinterest|pint|linkedin|reddit|print|copy|link|pin|comments?|save|messenger|flipboard|sms|baixar|this|article|on|via)\b[\s|,/·•]*)+$/i;
/** A short label over other stories: "Related stories", "You may also like". */
export const TEASER_LABEL =
  /^(?:related(?: posts?| stories| articles| content| coverage)?|read more|more|see also|also read|also see|recommended|read next|up next|you may also like|you might also like|most popular|most read|trending|more from|more on this|watch|listen)\b[^.!?]{0,100}:?$/i;
/** A teaser's prefix: "Read more: …", "On example.com: …". */
export const TEASER_PREFIX = /^(?:related(?: post| story| article)?|read more|read also|also read|see also|more|on [\w.]+\.(?:com|co\.uk|org|net))\s*:/i;
/** "By Jane Roe" in several languages. */
export const BYLINE_OPENING = /^(?:by|von|par|por|door|di)\s+\p{Lu}/u;
/** "Updated …", "First published …". */
export const DATE_LABEL = /^(?:last\s+)?(?:updated|published|posted|modified|first published)\b/i;
/** A clock time or a written date somewhere in the block. */
export const DATE_OR_TIME = /\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i;
/** A link whose text is an address is a reference the article gives, not a teaser. */
export const ADDRESS_TEXT = /^(?:https?:\/\/|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+(?:\/\S*)?$/i;
/** "Advertisement", "Story continues below". */
export const AD_LABEL =
  /^(?:advertisement|advertising|advert|ad|sponsored(?: content)?|story continues below(?: advertisement)?|continue reading(?: below)?|article continues below|scroll to continue)\W*$/i;
/** "Subscribe to our newsletter", "Follow us on …". */
export const SUBSCRIBE_LINE =
  /\b(?:subscribe (?:to|for) (?:our|the)|sign up (?:to|for) (?:our|the)|our newsletters?|newsletters?\b.*\binbox|follow (?:us|him|her|them) on|download (?:our|the) app|get the latest)\b/i;
