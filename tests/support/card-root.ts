/**
 * The card's shadow root is closed: the page's scripts (and so Playwright's
 * `evaluate` and locators) cannot reach it. The DevTools protocol can, as a
 * reader's assistive technology can: the host's shadow root is resolved to a
 * script object (DOM.describeNode with `pierce`, then DOM.resolveNode), and
 * functions run with it as their first argument (Runtime.callFunctionOn).
 * Chromium only; the Firefox harness reads the card through the extension's
 * diagnostics channel instead.
 */
import type { CDPSession, Page } from 'playwright-core';

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) sessions.set(page, (cdp = page.context().newCDPSession(page)));
  return cdp;
}

/** The card root's remote object id, or null when no card host is on the page. */
async function cardRootId(cdp: CDPSession): Promise<string | null> {
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `document.querySelector('briefing-lens-card')`,
  });
  if (!result.objectId) return null;
  const { node } = await cdp.send('DOM.describeNode', {
    objectId: result.objectId,
    depth: 1,
    pierce: true,
  });
  const root = node.shadowRoots?.[0];
  if (!root) return null;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: root.backendNodeId });
  return object.objectId ?? null;
}

/**
 * Runs `fn(root, arg)` in the page with the card's closed shadow root (null
 * when no card host is there) and returns its JSON result. `fn` must be
 * self-contained, as for `page.evaluate`.
 */
export async function inCard<A, R>(
  page: Page,
  fn: (root: ShadowRoot | null, arg: A) => R | Promise<R>,
  arg?: A,
): Promise<Awaited<R>> {
  const cdp = await session(page);
  const rootId = await cardRootId(cdp);
  // Without a card, the function still runs (with null), bound to the document.
  const objectId =
    rootId ?? (await cdp.send('Runtime.evaluate', { expression: 'document' })).result.objectId!;
  // tsx names inner functions with a helper the page lacks.
  const functionDeclaration = `function (arg) {
    const __name = (f) => f;
    return (${fn.toString()})(${rootId ? 'this' : 'null'}, arg);
  }`;
  const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
    functionDeclaration,
    objectId,
    arguments: [{ value: arg ?? null }],
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails)
    throw new Error(
      `in the card: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`,
    );
  return result.value as Awaited<R>;
}

/** Polls `fn` in the card (every 50 ms) until it returns a truthy value, or throws after `timeout`. */
export async function waitInCard<A, R>(
  page: Page,
  fn: (root: ShadowRoot | null, arg: A) => R,
  arg?: A,
  timeout = 5000,
): Promise<NonNullable<R>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await inCard(page, fn, arg);
    if (value) return value as NonNullable<R>;
    if (Date.now() > deadline)
      throw new Error(`the card did not reach the state of ${fn.toString().slice(0, 120)}`);
    await new Promise<void>((resolve) => setTimeout(resolve, 50));
  }
}

/** A real click at the middle of the first element of the card that matches (and holds `hasText`). */
export async function clickInCard(page: Page, selector: string, hasText?: string): Promise<void> {
  const box = await waitInCard(
    page,
    (root, { selector, hasText }) => {
      const element = [...(root?.querySelectorAll(selector) ?? [])].find(
        (e) => !hasText || (e.textContent ?? '').includes(hasText),
      );
      if (!element) return null;
      element.scrollIntoView({ block: 'nearest' });
      const r = element.getBoundingClientRect();
      return r.width ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
    },
    { selector, hasText },
  );
  await page.mouse.click(box.x, box.y);
}
