/** Checking a written import: the list read back must hold every planned value (both stores). */
import type { ListItem } from '../ports/list-source';
import { canonicalItem, matchKey, type ImportPlan } from './plan';
import { sameValue, type Canonical } from './values';

/** Every planned value that is not so in `items` (the list read back after writing). */
export function plannedMismatches(plan: ImportPlan, items: readonly ListItem[]): string[] {
  const after = new Map(
    items.map((item) => {
      const values = canonicalItem(plan.list, item);
      return [matchKey(plan.list, values) ?? `#${item.id}`, values] as const;
    }),
  );
  const mismatches: string[] = [];
  const check = (key: string, values: Record<string, Canonical>) => {
    const actual = after.get(key);
    if (!actual) return mismatches.push(`${key}: missing`);
    for (const [name, value] of Object.entries(values)) {
      if (!sameValue(actual[name] ?? null, value)) mismatches.push(`${key}: ${name} is ${JSON.stringify(actual[name])}, expected ${JSON.stringify(value)}`);
    }
    return 0;
  };
  for (const create of plan.creates) check(create.key, create.values);
  for (const update of plan.updates) check(update.key, update.values);
  return mismatches;
}

/** The first mismatches in a sentence. */
export function describeMismatches(mismatches: readonly string[]): string {
  return `${mismatches.slice(0, 5).join('; ')}${mismatches.length > 5 ? ` (and ${mismatches.length - 5} more)` : ''}`;
}
