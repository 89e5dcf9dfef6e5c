/**
 * The highlight sheet of each frame, inserted as a user-origin sheet
 * (scripting.insertCSS): the page cannot read it from document.styleSheets,
 * and its `!important` rules beat the page's own. What was inserted is kept
 * so that a change of style removes the old sheet first. If the worker was
 * stopped in between, the old sheet stays; the new one, inserted later, wins
 * the cascade anyway.
 */
import { browser } from '../../lib/browser';

export class FrameSheets {
  private readonly inserted = new Map<string, string>();

  /**
   * Puts `css` in place in the frame, or takes ours away (null). Always
   * inserts: the frame may hold a new document that has no sheet yet.
   */
  readonly set = async (tabId: number, frameId: number, css: string | null): Promise<void> => {
    const key = `${tabId}:${frameId}`;
    const target = { tabId, frameIds: [frameId] };
    const previous = this.inserted.get(key);
    if (previous !== undefined) {
      this.inserted.delete(key);
      // The frame may have navigated (and so dropped the sheet) since.
      await browser.scripting.removeCSS({ target, css: previous, origin: 'USER' }).catch(() => {});
    }
    if (css === null) return;
    await browser.scripting.insertCSS({ target, css, origin: 'USER' });
    this.inserted.set(key, css);
  };

  forgetTab(tabId: number): void {
    for (const key of this.inserted.keys())
      if (key.startsWith(`${tabId}:`)) this.inserted.delete(key);
  }
}
