/**
 * Helpers for the briefing card's end-to-end tests and benchmark: hovering a
 * name the extension actually drew, timing the card from the pointer's
 * arrival, reading the card's box, running axe-core (also inside the card's
 * shadow root), and sending the keyboard command through the service worker.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT, type Harness } from './harness';
import { inCard } from './card-root';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * tsx compiles these files with esbuild's keepNames, which wraps named
 * functions in a `__name(...)` helper that page.evaluate's functions carry
 * into the page without its definition: define it there as a no-op.
 */
export async function allowNamedFunctions(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (f) => f');
}

/**
 * Scrolls the n-th visible highlighted mention whose text is `text` into view
 * and rests the pointer on it (arriving in a few steps, as a hand would).
 * Works on saved pages, where the first occurrence of a word in the DOM may be
 * hidden or not a mention. Returns the mention's rectangle.
 */
export async function hoverMention(
  page: Page,
  text: string,
  nth = 0,
  options: { scroll?: boolean } = {},
): Promise<Box> {
  const rect = await mentionRect(page, text, nth, options.scroll ?? true);
  if (!rect) throw new Error(`no visible mention "${text}" (#${nth}) on ${page.url()}`);
  const point = { x: rect.x + Math.min(rect.width / 2, 20), y: rect.y + rect.height / 2 };
  await page.mouse.move(Math.max(1, point.x - 40), point.y + 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  return rect;
}

/** The client rectangle of the n-th visible highlighted mention of `text` (first line). */
export async function mentionRect(
  page: Page,
  text: string,
  nth = 0,
  scroll = false,
): Promise<Box | null> {
  return page.evaluate(
    ({ text, nth, scroll }) => {
      const found: Range[] = [];
      for (const [name, highlight] of CSS.highlights as unknown as Map<
        string,
        Set<AbstractRange>
      >) {
        if (name === 'briefing-lens-focus') continue;
        for (const r of highlight) {
          const range = document.createRange();
          try {
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
          } catch {
            continue;
          }
          if (range.toString() !== text) continue;
          const box = range.getBoundingClientRect();
          const element = r.startContainer.parentElement;
          if (
            !box.width ||
            !box.height ||
            !element?.checkVisibility?.({ visibilityProperty: true })
          )
            continue;
          found.push(range);
        }
      }
      found.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = found[nth];
      if (!range) return null;
      if (scroll)
        range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
      const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    },
    { text, nth, scroll },
  );
}

export async function isCardOpen(page: Page): Promise<boolean> {
  return page.evaluate(() => !!document.querySelector('briefing-lens-card'));
}

export async function waitForCardClosed(page: Page, timeout = 3000): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('briefing-lens-card'), undefined, {
    timeout,
  });
}

/** The card host's border box in the viewport. */
export async function cardBox(page: Page): Promise<Box> {
  const box = await page.evaluate(() => {
    const r = document.querySelector('briefing-lens-card')?.getBoundingClientRect();
    return r ? { x: r.left, y: r.top, width: r.width, height: r.height } : null;
  });
  if (!box) throw new Error('no card is open');
  return box;
}

export async function viewportBox(page: Page): Promise<Box> {
  return page.evaluate(() => ({
    x: 0,
    y: 0,
    width: document.documentElement.clientWidth,
    height: document.documentElement.clientHeight,
  }));
}

export function inside(inner: Box, outer: Box, slack = 0.5): boolean {
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.width <= outer.x + outer.width + slack &&
    inner.y + inner.height <= outer.y + outer.height + slack
  );
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** What the card shows: role, facts with their sources, timeline entries, related chips. */
export async function cardContents(page: Page) {
  return inCard(page, (root) => {
    const all = (selector: string) => [...(root?.querySelectorAll(selector) ?? [])];
    return {
      title: root?.querySelector('h2')?.textContent ?? '',
      role: root?.querySelector('.role strong')?.textContent ?? '',
      facts: all('.facts li').map((li) => ({
        text: li.querySelector('.fact-text')?.textContent ?? '',
        /** the number of its article under Sources */
        source: li.querySelector('a.source')?.textContent ?? '',
      })),
      timeline: all('.timeline li').map((li) => li.textContent ?? ''),
      /** the citation of every line: role, facts, timeline */
      citations: all('.role a.source, .facts a.source, .timeline a.source').map(
        (a) => a.textContent ?? '',
      ),
      sources: all('.sources li').map((li) => li.textContent ?? ''),
      asOf: root?.querySelector('.as-of')?.textContent ?? '',
      chips: all('.chip').map((chip) => chip.textContent ?? ''),
      dialog: {
        role: root?.querySelector('.card')?.getAttribute('role') ?? null,
        labelledBy: root?.querySelector('.card')?.getAttribute('aria-labelledby') ?? null,
      },
    };
  });
}

/** Where keyboard focus is: the card (and which of its elements), or the page. */
export async function focusInCard(page: Page): Promise<string | null> {
  return inCard(page, (root) => {
    if (!root || document.activeElement !== root.host) return null;
    const active = root.activeElement;
    return active ? `${active.tagName.toLowerCase()}.${[...active.classList].join('.')}` : null;
  });
}

/**
 * Sends the 'next-mention' command's message as the background does, to the
 * active tab of the focused window (the extension has no `tabs` permission,
 * so tab URLs are not visible to it).
 */
export async function sendNextMention(harness: Harness, page: Page): Promise<boolean> {
  await page.bringToFront();
  return harness.worker.evaluate(async () => {
    const chrome = (
      globalThis as unknown as {
        chrome: {
          tabs: {
            query(q: object): Promise<Array<{ id?: number }>>;
            sendMessage(id: number, m: unknown, o: { frameId: number }): Promise<unknown>;
          };
        };
      }
    ).chrome;
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) return false;
    const reply = (await chrome.tabs.sendMessage(
      tab.id,
      { channel: 'briefing-lens', type: 'focusNextMention', request: {} },
      { frameId: 0 },
    )) as { ok: boolean; value?: boolean } | undefined;
    return !!reply?.ok && !!reply.value;
  });
}

const AXE_SOURCE = readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: string[];
}

/** axe-core's violations in the page, or (`card`) in the card's closed shadow root only. */
export async function axeViolations(
  page: Page,
  where: 'page' | 'card' = 'page',
): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return inCard(
    page,
    async (root, where) => {
      type Result = {
        violations: Array<{
          id: string;
          impact: string | null;
          nodes: Array<{ target: unknown[]; failureSummary?: string }>;
        }>;
      };
      const axe = (
        window as unknown as {
          axe: {
            setup(node: Node): unknown;
            teardown(): void;
            run(context: unknown, options: unknown): Promise<Result>;
          };
        }
      ).axe;
      const options = { resultTypes: ['violations'] };
      let result: Result;
      if (where === 'card') {
        if (!root) throw new Error('no card is open');
        // axe reads only open shadow roots: it checks a copy of the card in an
        // open root, with the same sheets, laid over the card itself.
        const copy = document.createElement('briefing-lens-axe-copy');
        const open = copy.attachShadow({ mode: 'open' });
        open.adoptedStyleSheets = [...root.adoptedStyleSheets];
        for (const node of root.childNodes) open.append(node.cloneNode(true));
        document.documentElement.append(copy);
        try {
          await Promise.all(open.getAnimations().map((a) => a.finished));
          result = await axe.run({ include: [['briefing-lens-axe-copy']] }, options);
        } finally {
          copy.remove();
        }
      } else result = await axe.run(document, options);
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`),
      }));
    },
    where,
  );
}

/** Computed styles of every element in the card's shadow root, in tree order. */
export async function cardStyles(page: Page, properties: string[]) {
  return inCard(
    page,
    (root, properties) =>
      [...(root?.querySelectorAll('*') ?? [])].map((element) => {
        const style = getComputedStyle(element);
        const r = element.getBoundingClientRect();
        return {
          element: `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`,
          width: Math.round(r.width * 10) / 10,
          // the card scrolls within the room it has beside the name: its content's height
          height: element.classList.contains('card')
            ? element.scrollHeight
            : Math.round(r.height * 10) / 10,
          style: Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)])),
        };
      }),
    properties,
  );
}

/**
 * Every page element's computed style and document-relative box (the card's
 * host excluded): to prove opening and closing a card changes nothing.
 */
export async function pageSnapshot(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      if (element.tagName === 'BRIEFING-LENS-CARD') continue;
      const style = getComputedStyle(element);
      const r = element.getBoundingClientRect();
      const values: string[] = [];
      for (let i = 0; i < style.length; i++) {
        const name = style.item(i);
        values.push(`${name}:${style.getPropertyValue(name)}`);
      }
      out.push(
        `${element.tagName} ${Math.round(r.left + scrollX)},${Math.round(r.top + scrollY)} ${Math.round(r.width)}x${Math.round(r.height)} ${values.join(';')}`,
      );
    }
    return out;
  });
}

/**
 * How two PNG screenshots differ, decoded in `page` (any page will do):
 * the number of pixels whose colour differs by more than `tolerance` in any
 * channel, and the box around them.
 */
export async function pixelDiff(
  page: Page,
  a: Buffer,
  b: Buffer,
  tolerance = 0,
): Promise<{ pixels: number; box: Box | null; sameSize: boolean }> {
  await allowNamedFunctions(page);
  return page.evaluate(
    async ({ a, b, tolerance }) => {
      const decode = async (base64: string) => {
        const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
        const bitmap = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([decode(a), decode(b)]);
      if (x.width !== y.width || x.height !== y.height)
        return { pixels: -1, box: null, sameSize: false };
      let pixels = 0;
      let left = Infinity;
      let top = Infinity;
      let right = -1;
      let bottom = -1;
      for (let i = 0; i < x.data.length; i += 4) {
        const differs =
          Math.abs(x.data[i]! - y.data[i]!) > tolerance ||
          Math.abs(x.data[i + 1]! - y.data[i + 1]!) > tolerance ||
          Math.abs(x.data[i + 2]! - y.data[i + 2]!) > tolerance;
        if (!differs) continue;
        pixels++;
        const px = (i / 4) % x.width;
        const py = Math.floor(i / 4 / x.width);
        left = Math.min(left, px);
        right = Math.max(right, px);
        top = Math.min(top, py);
        bottom = Math.max(bottom, py);
      }
      return {
        pixels,
        box: pixels ? { x: left, y: top, width: right - left + 1, height: bottom - top + 1 } : null,
        sameSize: true,
      };
    },
    { a: a.toString('base64'), b: b.toString('base64'), tolerance },
  );
}

export interface AxNode {
  role: string;
  name: string;
  /** the names of the node's text descendants, joined */
  text: string;
}

/**
 * The page's accessibility tree as assistive technology gets it (CDP
 * Accessibility.getFullAXTree, closed shadow roots included), flattened to
 * role, accessible name and text.
 */
export async function accessibilityTree(page: Page): Promise<AxNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: Array<{
        nodeId: string;
        ignored?: boolean;
        role?: { value?: string };
        name?: { value?: string };
        childIds?: string[];
      }>;
    };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const textOf = (id: string, depth = 0): string => {
      const node = byId.get(id);
      if (!node || depth > 40) return '';
      if (node.role?.value === 'StaticText') return node.name?.value ?? '';
      return (node.childIds ?? []).map((child) => textOf(child, depth + 1)).join('');
    };
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => ({
        role: n.role?.value ?? '',
        name: n.name?.value ?? '',
        text: textOf(n.nodeId),
      }));
  } finally {
    await cdp.detach();
  }
}

export interface OnScreen {
  text: string;
  top: number;
  bottom: number;
}

/** The drawn names in document order, each with where it is on screen. */
export async function drawnMentions(page: Page): Promise<OnScreen[]> {
  return page.evaluate(() => {
    const ranges: Range[] = [];
    for (const [name, highlight] of CSS.highlights as unknown as Map<string, Highlight>)
      if (name !== 'briefing-lens-focus')
        for (const r of highlight as unknown as Set<AbstractRange>) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          ranges.push(range);
        }
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((range) => {
      const box = range.getBoundingClientRect();
      return { text: range.toString(), top: box.top, bottom: box.bottom };
    });
  });
}

/** The name that has the keyboard focus, with where it is on screen; null when none has. */
export async function focusedMention(page: Page): Promise<OnScreen | null> {
  return page.evaluate(() => {
    const focus = CSS.highlights.get('briefing-lens-focus') as unknown as
      Set<AbstractRange> | undefined;
    const [r] = focus ?? [];
    if (!r) return null;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const box = range.getBoundingClientRect();
    return { text: range.toString(), top: box.top, bottom: box.bottom };
  });
}
