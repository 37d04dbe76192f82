/**
 * @jest-environment jsdom
 */
/**
 * The style rules kept with the page for a repeat visit: those whose class selectors all name
 * classes in the page (outside :not(), :is() and the like), inside @media too.
 */
import { classesIn, usedRules } from '../../../../tabs/web/src/model/used-css-rules';

function sheet(css: string): CSSStyleSheet {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.replaceChildren(style);
  return style.sheet as CSSStyleSheet;
}

describe('usedRules', () => {
  const page = document.createElement('div');
  page.innerHTML = '<div class="f1 f2"><span class="fui-Text">x</span></div>';
  const classes = classesIn(page);

  it('collects the classes of the markup', () => {
    expect([...classes].sort()).toEqual(['f1', 'f2', 'fui-Text']);
  });

  it('keeps rules whose classes are all in the page and drops the others', () => {
    const rules = usedRules(
      sheet('.f1 { color: red; } .f1.f9 { color: blue; } .f9 { color: green; } .f2:hover > .fui-Text { color: black; } body { margin: 0; }').cssRules,
      classes,
    );
    expect(rules).toEqual(['.f1 {color: red;}', '.f2:hover > .fui-Text {color: black;}', 'body {margin: 0;}']);
  });

  it('keeps a selector list when any of its selectors is used, and ignores classes in parentheses', () => {
    const rules = usedRules(sheet('.f9, .f1 { color: red; } .f2:not(.f9) { color: blue; } .f9:not(.f1) { color: green; }').cssRules, classes);
    expect(rules).toEqual(['.f9, .f1 {color: red;}', '.f2:not(.f9) {color: blue;}']);
  });

  it('keeps the used rules inside @media, and drops an @media block with none', () => {
    const rules = usedRules(
      sheet('@media (forced-colors: active) { .f1 { color: red; } .f9 { color: blue; } } @media print { .f9 { color: green; } }').cssRules,
      classes,
    );
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatch(/^@media \(forced-colors: active\) ?\{\.f1 \{color: red;\}\}$/);
  });
});
