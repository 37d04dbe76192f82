/** Rewrites the schema section of docs/lists.md from src/lists/schema.ts. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateSchemaSection } from '../src/lists/schema-doc';

const pagePath = join(__dirname, '..', 'docs', 'lists.md');
const before = readFileSync(pagePath, 'utf8');
const after = updateSchemaSection(before);
if (after === before) {
  console.log('docs/lists.md: schema section is up to date.');
} else {
  writeFileSync(pagePath, after);
  console.log('docs/lists.md: schema section updated.');
}
