// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMessageListener } from '../../../lib/messaging';
import type { DiagnosticsSnapshot, ToContent } from '../../../lib/messaging/protocol';
import {
  isForThisFrame,
  pageHandlers,
  REVEAL_FLASH_MS,
} from '../../../entrypoints/content/page-handlers';
import type { PageMention } from '../../../entrypoints/content/scan/mention-index';

/** Mentions as tokens: the handlers only compare and pass them on. */
const m = (entityId: string, n: number) => ({ entityId, n }) as unknown as PageMention;
const [wang1, xi1, wang2, motegi1, wang3] = [
  m('wang-yi', 1),
  m('xi-jinping', 1),
  m('wang-yi', 2),
  m('toshimitsu-motegi', 1),
  m('wang-yi', 3),
];

function view(
  painted: PageMention[] = [wang1, xi1, wang2, motegi1, wang3],
  /** where each mention is against the viewport; on screen when not said */
  screen = new Map<PageMention, -1 | 0 | 1>(),
) {
  let focused: PageMention | null = null;
  const snapshot = { href: 'x' } as DiagnosticsSnapshot;
  const state = {
    focused: () => focused,
    focus: vi.fn((mention: PageMention | null, _byKeyboard?: boolean) => void (focused = mention)),
    whereOnScreen: (mention: PageMention) => screen.get(mention) ?? 0,
    diagnostics: vi.fn((_: boolean) => snapshot),
    showFrameCard: vi.fn(() => true),
    hideFrameCard: vi.fn(),
    frameCardEvent: vi.fn(),
  };
  const handlers = pageHandlers({
    hostname: () => 'news.example.com',
    active: () => true,
    // Every indexed mention, in the order they were found (not document order).
    mentions: () => [motegi1, wang3, xi1, wang1, wang2],
    painted: () => painted,
    ...state,
  });
  return { handlers, ...state, snapshot };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('getPageMentions', () => {
  it('counts the mentions of each entity, most mentioned first', async () => {
    const { handlers } = view();
    expect(await handlers.getPageMentions(undefined, {})).toEqual({
      hostname: 'news.example.com',
      active: true,
      entities: [
        { id: 'wang-yi', count: 3 },
        // A tie keeps the order the page first gave them.
        { id: 'toshimitsu-motegi', count: 1 },
        { id: 'xi-jinping', count: 1 },
      ],
    });
  });
});

describe('revealMention', () => {
  it('lights the first drawn mention of the entity for REVEAL_FLASH_MS', async () => {
    const v = view();
    expect(await v.handlers.revealMention({ entityId: 'wang-yi' }, {})).toBe(true);
    expect(v.focused()).toBe(wang1);
    vi.advanceTimersByTime(REVEAL_FLASH_MS - 1);
    expect(v.focused()).toBe(wang1);
    vi.advanceTimersByTime(1);
    expect(v.focused()).toBeNull();
  });

  it('shows the next mention of the entity each time it is asked, round to the first', async () => {
    const v = view([wang1, xi1, wang2]);
    const shown = [];
    for (let i = 0; i < 3; i++) {
      await v.handlers.revealMention({ entityId: 'wang-yi' }, {});
      shown.push(v.focused());
    }
    expect(shown).toEqual([wang1, wang2, wang1]);
    // Another entity's, then this one's again: from its first.
    await v.handlers.revealMention({ entityId: 'xi-jinping' }, {});
    expect(v.focused()).toBe(xi1);
    await v.handlers.revealMention({ entityId: 'wang-yi' }, {});
    expect(v.focused()).toBe(wang1);
  });

  it('leaves a focus the reader moved on meanwhile', async () => {
    const v = view();
    await v.handlers.revealMention({ entityId: 'wang-yi' }, {});
    await v.handlers.focusNextMention({}, {});
    vi.advanceTimersByTime(REVEAL_FLASH_MS);
    expect(v.focused()).toBe(xi1);
  });

  it('answers false for an entity with no drawn mention', async () => {
    const v = view([wang1]);
    expect(await v.handlers.revealMention({ entityId: 'xi-jinping' }, {})).toBe(false);
    expect(v.focus).not.toHaveBeenCalled();
  });
});

describe('focusNextMention', () => {
  const painted = [wang1, xi1, wang2];
  it.each([
    ['forward from nothing: the first', null, false, wang1],
    ['forward', wang1, false, xi1],
    ['forward from the last: round to the first', wang2, false, wang1],
    ['backward', wang2, true, xi1],
    ['backward from the first: round to the last', wang1, true, wang2],
    ['forward from a mention no longer drawn: the first', motegi1, false, wang1],
  ])('%s', async (_, from, backwards, expected) => {
    const v = view(painted);
    if (from) v.focus(from);
    expect(await v.handlers.focusNextMention({ backwards }, {})).toBe(true);
    expect(v.focused()).toBe(expected);
  });

  it('backward from nothing: the last', async () => {
    const v = view(painted);
    await v.handlers.focusNextMention({ backwards: true }, {});
    expect(v.focused()).toBe(wang2);
  });

  it('gives the keys to the mention it focuses', async () => {
    const v = view(painted);
    await v.handlers.focusNextMention({}, {});
    expect(v.focus).toHaveBeenLastCalledWith(wang1, true, { n: 1, of: painted.length });
  });

  describe('starts from the screen', () => {
    // wang1 scrolled away above, xi1 and wang2 on screen, motegi1 and wang3 below.
    const all = [wang1, xi1, wang2, motegi1, wang3];
    const screen = new Map<PageMention, -1 | 0 | 1>([
      [wang1, -1],
      [motegi1, 1],
      [wang3, 1],
    ]);
    it.each([
      ['forwards: the first on screen', false, xi1],
      ['backwards: the last on screen', true, wang2],
    ])('%s', async (_, backwards, expected) => {
      const v = view(all, screen);
      await v.handlers.focusNextMention({ backwards }, {});
      expect(v.focused()).toBe(expected);
    });

    it('also when the focused mention was scrolled away', async () => {
      const v = view(all, screen);
      v.focus(wang3);
      await v.handlers.focusNextMention({}, {});
      expect(v.focused()).toBe(xi1);
    });

    it.each([
      ['forwards, all above: round to the first', false, -1 as const, wang1],
      ['forwards, all below: the first below', false, 1 as const, wang1],
      ['backwards, all below: round to the last', true, 1 as const, wang3],
      ['backwards, all above: the last above', true, -1 as const, wang3],
    ])('%s', async (_, backwards, where, expected) => {
      const v = view(all, new Map(all.map((mention) => [mention, where])));
      await v.handlers.focusNextMention({ backwards }, {});
      expect(v.focused()).toBe(expected);
    });
  });

  it('answers false when nothing is drawn', async () => {
    const v = view([]);
    expect(await v.handlers.focusNextMention({}, {})).toBe(false);
    expect(v.focus).not.toHaveBeenCalled();
  });
});

describe('getDiagnostics', () => {
  it.each([
    [{}, false],
    [{ mentions: true }, true],
  ])('passes %o on as withMentions %s', async (request, withMentions) => {
    const v = view();
    expect(await v.handlers.getDiagnostics(request, {})).toBe(v.snapshot);
    expect(v.diagnostics).toHaveBeenCalledWith(withMentions);
  });
});

describe('isForThisFrame', () => {
  it.each([
    ['any other message', 'getPageMentions', () => ({ href: 'https://frame.example/' }), true],
    ['diagnostics without an address', 'getDiagnostics', () => ({}), true],
    ['diagnostics without a request', 'getDiagnostics', () => undefined, true],
    ['diagnostics for this address', 'getDiagnostics', () => ({ href: location.href }), true],
    [
      'diagnostics for another frame',
      'getDiagnostics',
      () => ({ href: 'https://frame.example/' }),
      false,
    ],
  ])('%s: %s', (_, type, request, expected) => {
    expect(isForThisFrame(type, request())).toBe(expected);
  });

  it('leaves another frame’s diagnostics request to that frame', async () => {
    const v = view();
    const listener = createMessageListener<ToContent>(v.handlers, { accepts: isForThisFrame });
    const ask = (href: string) =>
      listener({ channel: 'briefing-lens', type: 'getDiagnostics', request: { href } }, {});
    expect(ask('https://frame.example/')).toBeUndefined();
    await expect(ask(location.href)).resolves.toEqual({ ok: true, value: v.snapshot });
  });
});
