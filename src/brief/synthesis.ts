// The reader's brief: lead, key points, single-source points, timeline and coverage, arranged
// from cited facts. It never writes a statement of its own: every text is a source's words.
import type { Brief, Synthesis } from '../schema.ts';
import { renderMarkdown } from './markdown.ts';

type Unsynthesized = Omit<Brief, 'brief'>;

export function synthesize(brief: Unsynthesized): Synthesis {
  const outlets = [...new Set(brief.documents.map((d) => d.outlet ?? d.source))];
  const synthesis: Synthesis = { lead: [], points: [], onlyOne: [], timeline: [], outlets, coverage: {}, markdown: '' };
  synthesis.markdown = renderMarkdown({ ...brief, brief: synthesis });
  return synthesis;
}
