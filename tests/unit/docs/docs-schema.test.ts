import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSchemaMarkdown, updateSchemaSection } from '../../../src/lists/schema-doc';
import { BALANCE_LIST, MEETINGS_LIST } from '../../../src/lists/schema';

describe('docs/lists.md: the schema section', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'lists.md'), 'utf8');

  it('is the schema as defined in code (run `npm run docs:schema` after changing it)', () => {
    expect(updateSchemaSection(readme)).toBe(readme);
  });

  it('names every column of both lists', () => {
    const markdown = renderSchemaMarkdown();
    for (const column of [...BALANCE_LIST.columns, ...MEETINGS_LIST.columns]) {
      expect(markdown).toContain(`\`${column.name}\``);
    }
  });

  it('refuses a page without markers', () => {
    expect(() => updateSchemaSection('# nothing here')).toThrow(/schema section/);
  });
});
