import type { Page } from 'playwright-core';

/** One row of the pane's findings list: a group's heading, or a finding's cell and rule. */
export interface ListedRow {
  readonly index: number;
  readonly group?: string;
  readonly cell?: string;
  readonly rule?: string;
}

/**
 * Every row of the findings lists, read by scrolling each from top to bottom: only the rows in view
 * are in the page at any time.
 */
export function allListed(page: Page): Promise<ListedRow[]> {
  return page.evaluate(async () => {
    const frame = (): Promise<void> =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    const listed: { index: number; group?: string; cell?: string; rule?: string }[] = [];
    // The pane has one list; the web page one per file, read one after the other.
    for (const scroller of document.querySelectorAll<HTMLElement>('[data-testid="findings-scroller"]')) {
      const rows = new Map<number, { index: number; group?: string; cell?: string; rule?: string }>();
      const read = (): void => {
        for (const element of scroller.querySelectorAll<HTMLElement>('[data-index]')) {
          const index = Number(element.dataset.index);
          const finding = element.querySelector<HTMLElement>('[data-testid="finding"]');
          const group = element.querySelector<HTMLElement>('[data-testid="finding-group"]');
          rows.set(
            index,
            finding
              ? { index, cell: finding.dataset.cell!, rule: finding.dataset.rule! }
              : { index, group: group?.textContent ?? '' },
          );
        }
      };
      scroller.scrollTop = 0;
      await frame();
      for (;;) {
        read();
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
        scroller.scrollTop += scroller.clientHeight / 2;
        await frame();
      }
      listed.push(...[...rows.values()].sort((a, b) => a.index - b.index));
    }
    return listed;
  });
}

/** Scrolls the findings lists from the top until the finding of `cell` ("Sheet!A1") is in the page. */
export async function scrollToFinding(page: Page, cell: string): Promise<void> {
  const found = await page.evaluate(async (wanted) => {
    const frame = (): Promise<void> =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    for (const scroller of document.querySelectorAll<HTMLElement>('[data-testid="findings-scroller"]')) {
      const present = (): boolean =>
        [...scroller.querySelectorAll<HTMLElement>('[data-testid="finding"]')].some((f) => f.dataset.cell === wanted);
      scroller.scrollTop = 0;
      await frame();
      for (;;) {
        if (present()) return true;
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
        scroller.scrollTop += scroller.clientHeight / 2;
        await frame();
      }
    }
    return false;
  }, cell);
  if (!found) throw new Error(`${cell} is not in the findings list`);
}
