import type { Page } from '@playwright/test';

/**
 * The elder-friendly and WCAG 2.2 checks axe does not make, measured in the browser: text size,
 * line height, target size, horizontal scrolling, one h1 and the landmarks. Returns what is wrong.
 */
export interface AuditLimits {
  minTextPx: number;
  minTargetPx: number;
  minLineHeight: number;
  minH1Px: number;
}

export const LIMITS: Record<'standard' | 'elder', AuditLimits> = {
  standard: { minTextPx: 16, minTargetPx: 44, minLineHeight: 1.2, minH1Px: 24 },
  elder: { minTextPx: 20, minTargetPx: 60, minLineHeight: 1.5, minH1Px: 30 },
};

export async function auditLayout(page: Page, limits: AuditLimits): Promise<string[]> {
  return page.evaluate((l) => {
    const problems: string[] = [];
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      // Screen-reader-only text (1×1 px, clipped) is not seen, so it has no size to check.
      return style.visibility !== 'hidden' && style.display !== 'none' && rect.width > 1 && rect.height > 1;
    };
    const describe = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`;

    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      if (!el || seen.has(el) || !(walker.currentNode.textContent ?? '').trim() || !visible(el)) continue;
      seen.add(el);
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      if (size < l.minTextPx) problems.push(`text ${size}px < ${l.minTextPx}px: ${describe(el)}`);
      const lineHeight = parseFloat(style.lineHeight);
      if (!Number.isNaN(lineHeight) && lineHeight / size < l.minLineHeight - 0.01) {
        problems.push(`line height ${(lineHeight / size).toFixed(2)} < ${l.minLineHeight}: ${describe(el)}`);
      }
    }

    const targets = document.querySelectorAll(
      'a[href], button, input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select, textarea, [role=button], label:has(input[type=radio]), label:has(input[type=checkbox])',
    );
    for (const el of targets) {
      if (!visible(el)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width < l.minTargetPx - 0.5 || rect.height < l.minTargetPx - 0.5) {
        problems.push(`target ${Math.round(rect.width)}×${Math.round(rect.height)} < ${l.minTargetPx}: ${describe(el)}`);
      }
    }

    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
      problems.push(`horizontal scroll: ${document.documentElement.scrollWidth}px wide in a ${window.innerWidth}px window`);
    }
    const h1s = [...document.querySelectorAll('h1')].filter(visible);
    if (h1s.length !== 1) problems.push(`${h1s.length} visible h1 elements`);
    for (const h1 of h1s) {
      const size = parseFloat(getComputedStyle(h1).fontSize);
      if (size < l.minH1Px) problems.push(`h1 ${size}px < ${l.minH1Px}px`);
    }
    for (const landmark of ['header', 'main', 'footer']) {
      if (!document.querySelector(landmark)) problems.push(`no <${landmark}> landmark`);
    }
    return problems;
  }, limits);
}

/** Tabs through the page: every focused element must show a focus ring of at least 2 px. */
export async function auditFocus(page: Page, maxStops = 25): Promise<string[]> {
  const problems: string[] = [];
  await page.locator('body').focus();
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const result = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const shadow = style.boxShadow !== 'none';
      return { ok: ring || shadow, what: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"` };
    });
    if (!result) break;
    if (!result.ok) problems.push(`no visible focus ring: ${result.what}`);
  }
  return problems;
}
