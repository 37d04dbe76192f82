/**
 * A section's heading and element id. The 2022 list's five built-in sections have words in each
 * language; a section from the list of sections ("Avsnitt SVOM") is data and shows as written.
 */
import type { SectionDefinition } from '../../../../src/domain/sections';
import { SECTION_ORDER } from './tree';

const isBuiltIn = (key: string): key is (typeof SECTION_ORDER)[number] => (SECTION_ORDER as readonly string[]).includes(key);

/**
 * The heading of section `key`: the app's words for a built-in section, else the name from the
 * list; `untitled` when that is empty (entries that name no section at all), so no heading is blank.
 */
export function sectionHeading(
  key: string,
  sections: readonly SectionDefinition[],
  names: Readonly<Record<(typeof SECTION_ORDER)[number], string>>,
  untitled = '',
): string {
  const defined = sections.find((section) => section.key === key);
  const heading = defined !== undefined && defined.builtIn !== true ? defined.name : isBuiltIn(key) ? names[key] : (defined?.name ?? key);
  return heading.trim() === '' ? untitled : heading;
}

/** An element id for section `key`: `section-<key>` for simple keys, other characters encoded so any key is safe. */
export function sectionDomId(key: string): string {
  return `section-${key.replace(/[^A-Za-z0-9_-]/gu, (character) => `_${(character.codePointAt(0) ?? 0).toString(16)}`)}`;
}
