// One identity across documents. Union-find over every document's entities: the same name;
// a lone surname or given name that only one full name elsewhere starts or ends with; one
// misspelt part of a name whose other parts agree; one name romanised two ways; a body's two
// word orders ("Justice Department", "Department of Justice") and its acronym ("DOJ"). Never two
// people whose given names differ, and never two spellings one document itself keeps apart.
// When unsure, they stay apart.
import type { Entity, Quote, Role } from '../schema.ts';
import type { DocumentAnalysis } from './analyse-document.ts';
import { misspelling, nameEdges, nameKey, skeletonKey, transliteration, typoCandidates } from './name-match.ts';
import { mergeRoles } from './roles.ts';
import { canonicalPlace, shoutedPlace } from './vocabulary/places.ts';
import { GOVERNMENT_HEADS } from './vocabulary/names.ts';
import { pushTo } from '../util/multimap.ts';
import { DisjointSets } from '../util/disjoint-sets.ts';

interface Member {
  entity: Entity;
  doc: number;
  confirmed: boolean;
  parts: string[];
  key: string;
}

export function mergeAnalyses(analyses: DocumentAnalysis[]): { entities: Entity[]; quotes: Quote[] } {
  const members: Member[] = [];
  analyses.forEach((a, doc) => {
    for (const entity of a.entities) members.push(member(entity, doc, true));
    for (const entity of a.unconfirmed) members.push(member(entity, doc, false));
  });
  const sets = new DisjointSets(members.length);

  // 1. The same name (places by their canonical name: "U.S." = "United States").
  const byKey = new Map<string, number>();
  members.forEach((m, i) => {
    const first = byKey.get(m.key);
    if (first === undefined) byKey.set(m.key, i);
    else sets.union(first, i);
  });

  // 2. One misspelt part, the others equal: "Xi Jingping" = "Xi Jinping".
  // One representative per spelling: step 1 already joined the identical ones.
  const spellings = [...byKey.values()];
  for (const [a, b] of typoCandidates(spellings.map((i) => (members[i]!.entity.type === 'person' ? members[i]!.parts : [])))) {
    const x = spellings[a]!;
    const y = spellings[b]!;
    if (sets.find(x) === sets.find(y) || !misspelling(members[x]!.parts, members[y]!.parts)) continue;
    if (keptApartInOneDocument(members, sets, x, y)) continue;
    sets.union(x, y);
  }

  // 2b. One name romanised two ways: "Qassim Suleimani" = "Qassem Soleimani".
  const bySkeleton = new Map<string, number[]>();
  for (const i of spellings) if (members[i]!.entity.type === 'person' && members[i]!.parts.length >= 2) pushTo(bySkeleton, skeletonKey(members[i]!.parts), i);
  for (const bucket of bySkeleton.values()) {
    for (let p = 0; p < bucket.length; p++) {
      for (let q = p + 1; q < bucket.length; q++) {
        const x = bucket[p]!;
        const y = bucket[q]!;
        if (sets.find(x) === sets.find(y) || !transliteration(members[x]!.parts, members[y]!.parts)) continue;
        if (keptApartInOneDocument(members, sets, x, y)) continue;
        sets.union(x, y);
      }
    }
  }

  // 3. A lone name joins the one full name, in any document, that starts or ends with it.
  const byEdge = new Map<string, number[]>();
  members.forEach((m, j) => {
    if (m.entity.type === 'person') for (const edge of nameEdges(m.parts, 1)) pushTo(byEdge, edge, j);
  });
  members.forEach((m, i) => {
    if (m.entity.type !== 'person' || m.parts.length !== 1) return;
    const groups = new Set<number>();
    for (const j of byEdge.get(nameKey(m.parts)) ?? []) groups.add(sets.find(j));
    if (groups.size === 1) sets.union(i, [...groups][0]!);
    else if (groups.size > 1) {
      const agreeing = [...groups].filter((g) => sharesRole(members, sets, g, m.entity.roles));
      if (agreeing.length === 1) sets.union(i, agreeing[0]!);
    }
  });

  // 4. A two-word-or-longer "person" no document gives a title or role, whose name ends an
  // organization's name in another document, is that organization: "Red Sox" (typed a person
  // for its given name "Red") and "the Boston Red Sox".
  const organizationEnds = new Map<string, number>();
  members.forEach((m, j) => {
    if (m.entity.type !== 'organization') return;
    for (let k = 1; k + 2 <= m.parts.length; k++) organizationEnds.set(nameKey(m.parts.slice(k)), j);
  });
  members.forEach((m, i) => {
    if (m.entity.type !== 'person' || m.parts.length < 2) return;
    const org = organizationEnds.get(nameKey(m.parts));
    if (org === undefined || members[org]!.doc === m.doc) return;
    const root = sets.find(i);
    if (members.some((x, k) => sets.find(k) === root && x.entity.roles.length > 0)) return;
    sets.union(org, i);
  });

  // 5. One organization under its other forms: a government body's two word orders and an acronym
  // that only one organization's initials spell.
  joinOrganizationForms(members, sets);

  // Build one entity per group that at least one document confirms, in order of first appearance.
  const groups = new Map<number, number[]>();
  members.forEach((_, i) => {
    const root = sets.find(i);
    pushTo(groups, root, i);
  });
  const idOf = new Map<string, Entity>();
  const entities: Entity[] = [];
  for (const group of groups.values()) {
    if (!group.some((i) => members[i]!.confirmed)) continue;
    const merged = mergeGroup(
      `e${entities.length + 1}`,
      group.map((i) => members[i]!),
    );
    entities.push(merged);
    for (const i of group) idOf.set(members[i]!.entity.id, merged);
  }
  const quotes = analyses.flatMap((a) =>
    a.quotes.map((q) => {
      const entity = q.speaker ? idOf.get(q.speaker) : undefined;
      return { ...q, speaker: entity?.id ?? null, speakerName: entity?.name ?? (q.speaker ? null : q.speakerName) };
    }),
  );
  return { entities, quotes };
}

function member(entity: Entity, doc: number, confirmed: boolean): Member {
  const parts = entity.name.split(/\s+/).filter((p) => p && !/^\p{Lu}\.$/u.test(p));
  const key =
    entity.type === 'place'
      ? 'place:' + (canonicalPlace(entity.name) ?? shoutedPlace(entity.name) ?? nameKey(parts))
      : entity.type === 'organization'
        ? `organization:${organizationSpelling(nameKey(parts))}`
        : `${entity.type}:${nameKey(parts)}`;
  return { entity, doc, confirmed, parts, key };
}

/**
 * An organization's name with British and American spellings and in-word hyphens folded, as
 * outlets on either side of the Atlantic print one body: "Organisation for Security and
 * Co-operation in Europe" and "Organization for Security and Cooperation in Europe".
 */
function organizationSpelling(key: string): string {
  return key
    .replace(/(\p{L})-(?=\p{L})/gu, '$1')
    .replace(/isation\b/g, 'ization')
    .replace(/\bdefence\b/g, 'defense')
    .replace(/\bcentre\b/g, 'center');
}

/** Lower-case words an acronym may leave out or keep: "Department of Justice" is DOJ, "Federal Bureau of Investigation" FBI. */
const ACRONYM_OPTIONAL = new Set(['of', 'the', 'and', 'for', 'on', 'in', '&']);
const ACRONYM_FORM = /^(?:\p{Lu}\.){2,6}$|^\p{Lu}{2,6}$/u;

function joinOrganizationForms(members: Member[], sets: DisjointSets): void {
  const organizations = members.map((m, i) => [m, i] as const).filter(([m]) => m.entity.type === 'organization');
  // "Department of Justice" and "Justice Department"; "Ministry of Defence" and "Defence Ministry".
  const byKey = new Map<string, number>();
  for (const [m, i] of organizations) byKey.set(m.key, i);
  for (const [m, i] of organizations) {
    const inverted = invertedBodyName(m.parts);
    const other = inverted ? byKey.get(`organization:${organizationSpelling(nameKey(inverted))}`) : undefined;
    if (other !== undefined) sets.union(i, other);
  }
  // An acronym joins the one organization whose initials spell it (a document that writes
  // "the Department of Justice (DOJ)" keeps them as two mentions of one body).
  const fullNames = organizations.filter(([m]) => m.parts.length >= 2);
  for (const [m, i] of organizations) {
    if (m.parts.length !== 1 || !ACRONYM_FORM.test(m.parts[0]!)) continue;
    const letters = m.parts[0]!.replace(/\./g, '');
    const groups = new Set<number>();
    for (const [full, j] of fullNames) if (spellsInitials(letters, full.parts)) groups.add(sets.find(j));
    if (groups.size === 1) sets.union(i, [...groups][0]!);
  }
}

/** "Department of (the) Justice" as "Justice Department", for a government body; else null. */
function invertedBodyName(parts: string[]): string[] | null {
  if (parts.length < 3 || !GOVERNMENT_HEADS.has(parts[0]!) || parts[1] !== 'of') return null;
  const rest = parts[2] === 'the' ? parts.slice(3) : parts.slice(2);
  if (!rest.length || rest.some((p) => ACRONYM_OPTIONAL.has(p))) return null;
  return [...rest, parts[0]!];
}

/** Do the capitals of an acronym spell a name's initials, its lower-case small words either way? */
function spellsInitials(letters: string, parts: string[]): boolean {
  const words = parts.filter((p) => p !== '&');
  const match = (k: number, w: number): boolean => {
    if (w === words.length) return k === letters.length;
    const word = words[w]!;
    const optional = ACRONYM_OPTIONAL.has(word);
    if (!optional && !/^\p{Lu}/u.test(word)) return false;
    if (k < letters.length && word[0]!.toUpperCase() === letters[k] && match(k + 1, w + 1)) return true;
    // "Asia-Pacific Economic Cooperation" is APEC: each capitalised piece may give a letter.
    const pieces = word.split(/-(?=\p{Lu})/u);
    if (pieces.length > 1 && pieces.every((piece, n) => letters[k + n] === piece[0]!.toUpperCase()) && match(k + pieces.length, w + 1)) return true;
    return optional && match(k, w + 1);
  };
  return letters.length >= 2 && match(0, 0);
}

/** Would this union put two entities of one document together? That document kept them apart. */
function keptApartInOneDocument(members: Member[], sets: DisjointSets, x: number, y: number): boolean {
  const rx = sets.find(x);
  const ry = sets.find(y);
  const docsX = new Set(members.filter((_, i) => sets.find(i) === rx).map((m) => m.doc));
  return members.some((m, i) => sets.find(i) === ry && docsX.has(m.doc));
}

function sharesRole(members: Member[], sets: DisjointSets, root: number, roles: Role[]): boolean {
  const heads = new Set(roles.map((r) => r.text.toLowerCase().split(/\s+/).pop()!));
  if (!heads.size) return false;
  return members.some((m, i) => sets.find(i) === root && m.entity.roles.some((r) => heads.has(r.text.toLowerCase().split(/\s+/).pop()!)));
}

function mergeGroup(id: string, group: Member[]): Entity {
  // The fullest, most widely used spelling names the entity.
  const forms = new Map<string, { parts: number; docs: Set<number>; mentions: number; first: number }>();
  group.forEach((m, order) => {
    const f = forms.get(m.entity.name) ?? { parts: m.parts.length, docs: new Set<number>(), mentions: 0, first: order };
    f.docs.add(m.doc);
    f.mentions += m.entity.mentions.length;
    forms.set(m.entity.name, f);
  });
  const name = [...forms.entries()].sort(([, a], [, b]) => b.parts - a.parts || b.docs.size - a.docs.size || b.mentions - a.mentions || a.first - b.first)[0]![0];
  const roles = mergeRoles(group.flatMap((m) => m.entity.roles));
  const aliases = new Set<string>();
  for (const m of group) {
    aliases.add(m.entity.name);
    for (const a of m.entity.aliases) aliases.add(a);
    for (const mention of m.entity.mentions) aliases.add(mention.text);
  }
  aliases.delete(name);
  return {
    id,
    name,
    // Only step 4 joins a person to an organization: the organization it was taken for.
    type: group.some((m) => m.entity.type === 'organization') ? 'organization' : group[0]!.entity.type,
    aliases: [...aliases],
    roles,
    mentions: group.flatMap((m) => m.entity.mentions),
  };
}
