// The brief's JSON Schema, derived from the zod schemas (the single source of truth).
import { z } from 'zod';
import { BriefSchema } from './schema.ts';

export function briefJsonSchema(): unknown {
  return { $id: 'https://corroborate.dev/schema/brief.schema.json', ...z.toJSONSchema(BriefSchema, { target: 'draft-2020-12' }) };
}
