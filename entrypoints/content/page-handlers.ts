/**
 * What the content script answers the extension (popup, background, the test
 * harness through the background): what the page mentions, "show on page",
 * "next mention", and the diagnostics snapshot. Only the extension can send
 * these (`tabs.sendMessage`); a page can neither send nor see them.
 */
import type { Handlers } from '../../lib/messaging';
import type {
  DiagnosticsSnapshot,
  EntityCount,
  FrameCardEvent,
  RequestOf,
  ToContent,
} from '../../lib/messaging/protocol';
import type { PageMention } from './scan/mention-index';

/** How long "show on page" keeps a mention lit. */
export const REVEAL_FLASH_MS = 1600;

/** A mention's place among the drawn ones: the `n`th (from 1) of `of`. */
export interface MentionPlace {
  n: number;
  of: number;
}

/** What the handlers may see and do of the page's session. */
export interface PageView {
  hostname(): string;
  active(): boolean;
  /** every indexed mention */
  mentions(): Iterable<PageMention>;
  /** the drawn mentions, in document order */
  painted(): PageMention[];
  focused(): PageMention | null;
  /**
   * `byKeyboard`: the reader moved there with a command, and the keys act on
   * it (input/keyboard.ts); `place`: where it is among the drawn mentions,
   * for the screen reader's announcement.
   */
  focus(mention: PageMention | null, byKeyboard?: boolean, place?: MentionPlace): void;
  /** where a mention is against the viewport: above it (-1), in it (0) or below it (1) */
  whereOnScreen(mention: PageMention): -1 | 0 | 1;
  /** with every mention listed when `withMentions` */
  diagnostics(withMentions: boolean): DiagnosticsSnapshot;
  /** the top document shows a card one of its frames asked for; whether it could */
  showFrameCard(request: RequestOf<ToContent, 'showFrameCard'>): boolean;
  hideFrameCard(frameId: number): void;
  /** a frame hears what the reader did with the card the top document shows for it */
  frameCardEvent(event: FrameCardEvent): void;
}

export function pageHandlers(view: PageView): Handlers<ToContent> {
  /** the mention "show on page" last showed: asked again for its entity, the next one shows */
  let revealed: PageMention | null = null;
  return {
    getPageMentions: () => ({
      hostname: view.hostname(),
      active: view.active(),
      entities: countMentions(view.mentions()),
    }),
    revealMention: ({ entityId }) => {
      const drawn = view.painted().filter((m) => m.entityId === entityId);
      if (!drawn.length) return false;
      // Each ask shows the next of its mentions, round to the first.
      const shown = drawn[(drawn.indexOf(revealed!) + 1) % drawn.length]!;
      revealed = shown;
      view.focus(shown);
      setTimeout(() => {
        if (view.focused() === shown) view.focus(null);
      }, REVEAL_FLASH_MS);
      return true;
    },
    focusNextMention: ({ backwards }) => {
      const painted = view.painted();
      if (!painted.length) return false;
      const focused = view.focused();
      const at = focused && view.whereOnScreen(focused) === 0 ? painted.indexOf(focused) : -1;
      const next =
        at >= 0
          ? painted[(at + (backwards ? -1 : 1) + painted.length) % painted.length]
          : fromTheViewport(painted, backwards === true, view.whereOnScreen);
      if (!next) return false;
      view.focus(next, true, { n: painted.indexOf(next) + 1, of: painted.length });
      return true;
    },
    getDiagnostics: ({ mentions }) => view.diagnostics(!!mentions),
    showFrameCard: (request) => view.showFrameCard(request),
    hideFrameCard: ({ frameId }) => view.hideFrameCard(frameId),
    frameCardEvent: ({ event }) => view.frameCardEvent(event),
  };
}

/**
 * Where "next" starts when no mention on screen has the focus: the first
 * mention not above the top of the screen (forwards) or the last one not
 * below its bottom (backwards), round to the other end when there is none.
 */
function fromTheViewport(
  painted: PageMention[],
  backwards: boolean,
  whereOnScreen: (mention: PageMention) => -1 | 0 | 1,
): PageMention | undefined {
  if (backwards) {
    for (let i = painted.length - 1; i >= 0; i--)
      if (whereOnScreen(painted[i]!) <= 0) return painted[i];
    return painted[painted.length - 1];
  }
  return painted.find((mention) => whereOnScreen(mention) >= 0) ?? painted[0];
}

/** How often each entity is mentioned, the most mentioned first. */
export function countMentions(mentions: Iterable<PageMention>): EntityCount[] {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  return [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count);
}

/** Frames answer a diagnostics request only when it names their own address. */
export function isForThisFrame(type: PropertyKey, request: unknown): boolean {
  if (type !== 'getDiagnostics') return true;
  const href = (request as { href?: string } | undefined)?.href;
  return href === undefined || href === location.href;
}
