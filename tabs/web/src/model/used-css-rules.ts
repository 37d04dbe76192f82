/**
 * Only the style rules a piece of markup can use. Fluent UI (Griffel) keeps every atomic rule
 * any component has ever needed on the page, several times what one view draws; the page kept
 * for a repeat visit carries only the rules whose class selectors all name classes in it, so
 * painting it costs a small style sheet instead of Fluent's whole one.
 */

/** Every class name used in `root` and below. */
export function classesIn(root: Element): Set<string> {
  const names = new Set<string>(root.classList);
  for (const element of root.querySelectorAll('[class]')) for (const name of element.classList) names.add(name);
  return names;
}

// Class selectors (`.f1abc`, `.fui-Button__icon`); escapes are rare in Fluent's names and make the rule kept.
const CLASS = /\.(-?[_a-zA-Z][\w-]*)/g;

/** `a, b:is(c, d)` as `a` and `b:is(c, d)`: commas inside parentheses do not split. */
function topLevelParts(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < selector.length; index += 1) {
    const char = selector[index];
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(selector.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(selector.slice(start));
  return parts;
}

// What sits in parentheses (`:not(.a)`, `:is(.a, .b)`, `:has(.a)`) may match without the class.
const PARENTHESES = /\([^()]*\)/g;

function selectorUsed(selector: string, classes: Set<string>): boolean {
  // A list is used when any of its selectors is; each needs all of its classes outside parentheses.
  return topLevelParts(selector).some((part) => {
    let bare = part;
    for (let inner = bare.replace(PARENTHESES, '()'); inner !== bare; inner = bare.replace(PARENTHESES, '()')) bare = inner;
    return [...bare.matchAll(CLASS)].every((match) => classes.has(match[1] as string));
  });
}

function isStyleRule(rule: CSSRule): rule is CSSStyleRule {
  return 'selectorText' in rule;
}

/** @media and @supports (not @keyframes, whose inner rules are frames, not selectors). */
function isConditionRule(rule: CSSRule): rule is CSSGroupingRule {
  return 'cssRules' in rule && !isStyleRule(rule) && ('media' in rule || 'conditionText' in rule);
}

/** The text of the rules in `rules` that `classes` can match; @media and @supports keep their used inner rules. */
export function usedRules(rules: Iterable<CSSRule>, classes: Set<string>): string[] {
  const kept: string[] = [];
  for (const rule of rules) {
    if (isStyleRule(rule)) {
      if (selectorUsed(rule.selectorText, classes)) kept.push(rule.cssText);
    } else if (isConditionRule(rule)) {
      const inner = usedRules(rule.cssRules, classes);
      if (inner.length > 0) kept.push(`${rule.cssText.slice(0, rule.cssText.indexOf('{'))}{${inner.join('\n')}}`);
    } else {
      // @keyframes, @font-face, @layer statements: few, and not tied to a class.
      kept.push(rule.cssText);
    }
  }
  return kept;
}
