// Speaker turns of broadcast transcripts: "NAME:" or "NAME, ROLE:" in capitals at a line start.

/** A label is 1–4 capitalised words (initials and hyphens allowed), an optional role, a colon. */
const TURN_LABEL = /^((?:[A-Z][A-Z'’.-]*[A-Z.](?:\s+|$)){0,3}[A-Z][A-Z'’.-]*[A-Z])(?:\s*,\s*([A-Z][A-Z .'’-]{1,40}?))?\s*:(?=\s|$)/;

/** Labels that look like speakers but mark page furniture or notes. */
const NOT_A_SPEAKER =
  /^(?:UPDATE|UPDATED|PUBLISHED|POSTED|MODIFIED|LAST UPDATED|FIRST PUBLISHED|NOTES|CORRECTION|EDITOR'?S NOTE|NOTE|WARNING|BREAKING|WATCH|LISTEN|READ MORE|RELATED|SHARE|PHOTO|VIDEO|AUDIO|TAGS?|TOPICS?|SOURCE|SOURCES|Q|A)$/;

/**
 * Words a name or a role ("SECRETARY OF STATE", "UNIDENTIFIED MAN") does not hold: a label with one
 * of them is a subhead ("MUST SEE:", "CHARGED WITH MURDER:", "STAT OF THE WEEK:"). "THE" may only
 * open it ("THE PRESIDENT:").
 */
const NOT_IN_A_NAME = new Set(
  'A AN WITH WITHOUT MUST SHOULD WOULD COULD CAN WILL MAY MIGHT SHALL IS ARE WAS WERE BE BEEN TO FOR FROM IN ON AT BY ABOUT AFTER BEFORE INTO OVER UNDER WHAT HOW WHY WHEN WHERE WHICH THIS THAT THESE THOSE IT ITS NOT NO OUR YOUR MY HIS HER THEIR WE YOU'.split(
    ' ',
  ),
);

function readsAsSpeaker(speaker: string): boolean {
  return speaker.split(/\s+/).every((word, k) => !NOT_IN_A_NAME.has(word) && (word !== 'THE' || k === 0));
}

/** A document is a transcript once it has this many labelled lines. */
export const MIN_TURNS_FOR_TRANSCRIPT = 2;

export interface TurnLabel {
  speaker: string;
  role: string | null;
  /** Length of the label including its colon, from the line start. */
  labelLength: number;
}

export function turnLabel(line: string): TurnLabel | null {
  const match = TURN_LABEL.exec(line);
  if (!match) return null;
  const speaker = match[1]!.trim();
  if (NOT_A_SPEAKER.test(speaker) || !/[A-Z]{2}/.test(speaker) || !readsAsSpeaker(speaker)) return null;
  return { speaker, role: match[2]?.trim() ?? null, labelLength: match[0].length };
}

/** "MICHELE KELEMEN" → "Michele Kelemen" (for metadata such as the byline). */
export function titleCaseName(label: string): string {
  return label.toLowerCase().replace(/(^|[\s\-'’.])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
