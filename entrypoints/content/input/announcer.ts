/**
 * What a screen reader says when the reader moves to a name with the
 * keyboard commands ("Wang Yi, person, 2 of 7 on this page"): a polite live
 * region inside a closed shadow root, so the page's scripts cannot read what
 * is announced. It is on the page only while a name holds the keyboard
 * focus; the highlights themselves stay silent (CSS highlights are not in
 * the accessibility tree).
 */
import { containerFor } from '../host-container';

export const ANNOUNCER_TAG = 'briefing-lens-announcer';
/**
 * A live region added with its text already in it is often not read out:
 * the first announcement waits this long after the region is on the page.
 */
export const FIRST_ANNOUNCEMENT_AFTER_MS = 100;

/** Out of sight and out of the page's layout; the page's rules cannot show it. */
const HOST_CSS = `:host {
  all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important;
  width: 1px !important; height: 1px !important; overflow: hidden !important;
  clip-path: inset(50%) !important; white-space: nowrap !important;
  pointer-events: none !important; display: block !important; visibility: visible !important;
}`;

export class Announcer {
  private host: HTMLElement | null = null;
  private region: HTMLElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** The element our announcements live in (the page session's mutation watch ignores it). */
  get element(): HTMLElement | null {
    return this.host;
  }

  /** Says `text`, from inside the container that holds `near` (a modal dialog makes the rest inert). */
  announce(text: string, near: Element | null): void {
    clearTimeout(this.timer);
    const container = containerFor(near);
    if (!this.host || !this.region) {
      const host = document.createElement(ANNOUNCER_TAG);
      const shadow = host.attachShadow({ mode: 'closed' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(HOST_CSS);
      shadow.adoptedStyleSheets = [sheet];
      const region = document.createElement('div');
      region.setAttribute('role', 'status');
      shadow.append(region);
      this.host = host;
      this.region = region;
    }
    const region = this.region;
    if (this.host.parentNode !== container) {
      container.append(this.host);
      region.textContent = '';
      this.timer = setTimeout(() => (region.textContent = text), FIRST_ANNOUNCEMENT_AFTER_MS);
      return;
    }
    region.textContent = text;
  }

  /** Takes the region off the page: nothing of it stays. */
  clear(): void {
    clearTimeout(this.timer);
    if (this.region) this.region.textContent = '';
    this.host?.remove();
  }
}
