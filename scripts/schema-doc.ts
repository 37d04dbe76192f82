/** Rewrites the README's schema section from src/lists/schema.ts. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateSchemaSection } from '../src/lists/schema-doc';

const readmePath = join(__dirname, '..', 'README.md');
const before = readFileSync(readmePath, 'utf8');
const after = updateSchemaSection(before);
if (after === before) {
  console.log('README schema section is up to date.');
} else {
  writeFileSync(readmePath, after);
  console.log('README schema section updated.');
}
