// One document's mentions grouped into entities: a surname or given name alone joins the full
// name in the same document that starts or ends with it; a transcript label joins its name in
// any case; two people whose given names differ are never joined.
import type { EntityType } from '../schema.ts';
import type { NameMention, TextRange } from './mentions.ts';
import type { Gender } from './vocabulary/given-names.ts';
import { misspelling, nameEdges, nameKey, typoCandidates } from './name-match.ts';
import { canonicalPlace, shoutedPlace } from './vocabulary/places.ts';
import { pushTo } from '../util/multimap.ts';
import { lowerBound } from '../util/search.ts';

export interface LocalEntity {
  key: string;
  type: EntityType;
  gender: Gender | null;
  /** Indices into the document's mentions, in text order. */
  members: number[];
  roles: TextRange[];
  /** Typed by evidence in this document (a title, a role, speech, a given name, a label, a gazetteer). */
  confirmed: boolean;
}

export interface MentionEvidence {
  /** The mention is the subject of a speech cue. */
  speaker: boolean;
  roles: TextRange[];
  /** Follows "in", "near", "outside"…: a place, unless it is someone's name. */
  placeCue: boolean;
}

export function groupMentions(mentions: NameMention[], evidence: MentionEvidence[]): { entities: LocalEntity[]; entityOf: (number | null)[] } {
  const entities: LocalEntity[] = [];
  const entityOf: (number | null)[] = mentions.map(() => null);
  const byKey = new Map<string, number>();

  const join = (m: number, key: string, type: EntityType, confirmed: boolean): void => {
    let e = byKey.get(key);
    if (e === undefined) {
      e = entities.length;
      byKey.set(key, e);
      entities.push({ key, type, gender: null, members: [], roles: [], confirmed: false });
    }
    const entity = entities[e]!;
    entity.members.push(m);
    entity.confirmed ||= confirmed;
    entity.gender ??= mentions[m]!.gender;
    entity.roles.push(...(mentions[m]!.title ? [mentions[m]!.title!] : []), ...evidence[m]!.roles);
    entityOf[m] = e;
  };

  // A name the document prints once as an organization is one wherever it leaves its type open:
  // "the Red Sox are talking" types "Red Sox" in "the Red Sox general manager" too.
  // Not from a word in capitals: "LOKARIA" alone is a guess at an acronym, not evidence.
  const organizationKeys = new Set(mentions.filter((m) => m.type === 'organization' && m.text !== m.text.toUpperCase()).map((m) => nameKey(m.parts)));
  // Full names first, so that short forms have something to join.
  mentions.forEach((m, i) => {
    if (m.type === 'place') join(i, 'place:' + (canonicalPlace(m.text) ?? shoutedPlace(m.text) ?? nameKey(m.parts)), 'place', true);
    else if (m.type === 'organization' || (m.type === null && organizationKeys.has(nameKey(m.parts)))) join(i, 'org:' + nameKey(m.parts), 'organization', true);
    else if (m.parts.length > 1 && !(evidence[i]!.placeCue && !m.givenName && !m.label)) {
      const confirmed = m.type === 'person' || m.label || m.givenName || evidence[i]!.speaker || evidence[i]!.roles.length > 0;
      join(i, 'person:' + nameKey(m.parts), 'person', confirmed);
    }
  });
  // A typo of a full name printed in the same document ("Xi Jingping" in the headline, "Xi Jinping"
  // in the text) is the same person: fold it into the more frequent spelling.
  const folded = new Set<number>();
  const fullNames = entities.map((e) => (e.type === 'person' ? mentions[e.members[0]!]!.parts : []));
  for (const [a, b] of typoCandidates(fullNames)) {
    if (folded.has(a) || folded.has(b) || !misspelling(fullNames[a]!, fullNames[b]!)) continue;
    const [keep, drop] = entities[a]!.members.length >= entities[b]!.members.length ? [a, b] : [b, a];
    const kept = entities[keep]!;
    const dropped = entities[drop]!;
    kept.members = [...kept.members, ...dropped.members].sort((p, q) => p - q);
    kept.roles.push(...dropped.roles);
    kept.confirmed ||= dropped.confirmed;
    kept.gender ??= dropped.gender;
    for (const m of dropped.members) entityOf[m] = keep;
    folded.add(drop);
  }
  // Full names by their leading and trailing parts, so a short form finds its full names at once.
  const byEdge = new Map<string, number[]>();
  entities.forEach((e, i) => {
    if (e.type !== 'person' || folded.has(i)) return;
    for (const edge of nameEdges(mentions[e.members[0]!]!.parts)) pushTo(byEdge, edge, i);
  });

  mentions.forEach((m, i) => {
    if (entityOf[i] !== null) return;
    let candidates = [...new Set(byEdge.get(nameKey(m.parts)) ?? [])];
    if (m.label) {
      // A short transcript label ("BRANDT:") stands for a labelled speaker, and when two share the
      // name, for the one the transcript gave a role (the reporter or host who keeps coming back).
      const labelled = candidates.filter((c) => entities[c]!.members.some((k) => mentions[k]!.label));
      const withRole = labelled.filter((c) => entities[c]!.members.some((k) => mentions[k]!.label && mentions[k]!.title));
      candidates = withRole.length === 1 ? withRole : labelled.length ? labelled : candidates;
    }
    const chosen = pick(candidates, m, i, entities, mentions);
    if (chosen !== null) {
      const entity = entities[chosen]!;
      entity.members.push(i);
      entity.members.sort((a, b) => a - b);
      if (m.title) entity.roles.push(m.title);
      entity.roles.push(...evidence[i]!.roles);
      entity.gender ??= m.gender;
      entity.confirmed ||= m.type === 'person' || evidence[i]!.speaker;
      entityOf[i] = chosen;
      return;
    }
    if (evidence[i]!.placeCue && m.type === null && !m.givenName) {
      join(i, 'place:' + nameKey(m.parts), 'place', true);
      return;
    }
    // A lone surname with no full name here: a person when a title, a label or speech says so.
    const confirmed = m.type === 'person' || m.label || evidence[i]!.speaker;
    join(i, 'person:' + nameKey(m.parts), 'person', confirmed);
  });
  // Renumber without the folded entities.
  const renumber = new Map<number, number>();
  const kept = entities.filter((_, i) => {
    if (folded.has(i)) return false;
    renumber.set(i, renumber.size);
    return true;
  });
  return { entities: kept, entityOf: entityOf.map((e) => (e === null ? null : (renumber.get(e) ?? null))) };
}

/**
 * Several full names share the short form (Wang Yi, Emily Wang): a title that agrees wins, then
 * the one mentioned last before it, then the next one after it.
 */
function pick(candidates: number[], m: NameMention, index: number, entities: LocalEntity[], mentions: NameMention[]): number | null {
  if (!candidates.length) return null;
  if (candidates.length === 1) return candidates[0]!;
  if (m.title) {
    const head = m.title.text.split(/\s+/).pop()!.toLowerCase();
    const agreeing = candidates.filter((c) => entities[c]!.roles.some((r) => r.text.toLowerCase().includes(head)));
    if (agreeing.length === 1) return agreeing[0]!;
  }
  // Only mentions that print the same short form count ("Maddox said" after "Gwen Maddox … her
  // husband, Roy" is Gwen: Roy was named by his given name).
  const short = ` ${nameKey(m.parts)} `;
  const printsShortForm = (j: number): boolean => j !== index && ` ${nameKey(mentions[j]!.parts)} `.includes(short);
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const e of candidates) {
    // Members are in text order: walk out from this mention's place to the nearest one each way.
    const members = entities[e]!.members;
    const at = lowerBound(members.length, (k) => members[k]! < index);
    let before = at - 1;
    while (before >= 0 && !printsShortForm(members[before]!)) before--;
    let after = at;
    while (after < members.length && !printsShortForm(members[after]!)) after++;
    // Before counts fully; after counts at a distance penalty, so the last one before wins.
    const distances = [before >= 0 ? index - members[before]! : Infinity, after < members.length ? (members[after]! - index) * 4 + 0.5 : Infinity];
    const distance = Math.min(...distances);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = e;
    }
  }
  return best;
}
