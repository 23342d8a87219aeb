// Writes schema/brief.schema.json from the zod schemas; a test checks the committed copy is current.
import { mkdirSync, writeFileSync } from 'node:fs';
import { briefJsonSchema } from '../src/schema-json.ts';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/brief.schema.json', JSON.stringify(briefJsonSchema(), null, 2) + '\n');
console.log('wrote schema/brief.schema.json');
