/**
 * The balance list's sections as data: their names, order and periods come from the list of
 * sections the secretariat edits, so next year's revised list needs no new code.
 */
import type { Section, SectionDefinition } from './types';

/** The sections of the 2022 list in the order the document prints them. */
export const SECTION_ORDER: readonly Section[] = ['goals', 'priorities', 'strategy', 'several', 'agreements'];

export type { SectionDefinition };

/** The first and last year of a period written "2019-2022", "2019–2022" or "2017"; nulls otherwise. */
export function parsePeriod(text: string): { fromYear: number | null; toYear: number | null } {
  const range = /(\d{4})\s*[-–]\s*(\d{4})/.exec(text);
  if (range) {
    const fromYear = Number(range[1]);
    const toYear = Number(range[2]);
    return fromYear <= toYear ? { fromYear, toYear } : { fromYear: null, toYear: null };
  }
  const single = /^\s*(\d{4})\s*$/.exec(text);
  return single ? { fromYear: Number(single[1]), toYear: Number(single[1]) } : { fromYear: null, toYear: null };
}

// Every dash a period may be written with: hyphen-minus, hyphen, non-breaking hyphen, figure
// dash, en dash, em dash, horizontal bar and minus sign, with or without spaces around.
const DASH = /\s*[-\u2010-\u2015\u2212]\s*/gu;
const comparable = (text: string): string => text.replace(DASH, '-').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('sv');

/**
 * A section's heading as printed: its name as written, followed by its period when the name does
 * not already carry it. The period is looked for whatever dash either is written with
 * ("… 2024–2027" carries "2024-2027"), so it is never printed twice; the name is never rewritten.
 */
export function headingWithPeriod(section: Pick<SectionDefinition, 'name' | 'periodText'>): string {
  const period = section.periodText.trim();
  if (period === '' || comparable(section.name).includes(comparable(period))) return section.name;
  return `${section.name} ${period}`;
}

/** Whether a section applies to a year: its period covers the year, or it has no period. */
export function sectionCoversYear(section: SectionDefinition, year: number): boolean {
  if (section.fromYear !== null && year < section.fromYear) return false;
  if (section.toYear !== null && year > section.toYear) return false;
  return true;
}

/**
 * The sections of a list that has no list of sections: the five of the 2022 balance list, named
 * as printed (`names` maps each built-in section to its printed heading).
 */
export function builtInSections(names: Readonly<Record<Section, string>>): SectionDefinition[] {
  return SECTION_ORDER.map((key, index) => {
    const name = names[key];
    const periodText = /\d{4}\s*[-–]\s*\d{4}/.exec(name)?.[0] ?? '';
    return {
      key,
      name,
      order: index + 1,
      periodText,
      ...parsePeriod(periodText),
      agreements: key === 'agreements',
      description: '',
      builtIn: true,
    };
  });
}

/** Sections by order, then name and key so the order is the same on every read. */
export function compareSections(a: SectionDefinition, b: SectionDefinition): number {
  return a.order - b.order || a.name.localeCompare(b.name, 'sv') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * A section no list of sections defines, kept so its entries stay visible: named `name`, with no
 * period or description, and ordered after every defined section.
 */
export function undefinedSection(key: string, name: string): SectionDefinition {
  return { key, name, order: Number.MAX_SAFE_INTEGER, periodText: '', fromYear: null, toYear: null, agreements: false, description: '' };
}
