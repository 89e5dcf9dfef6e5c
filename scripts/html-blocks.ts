/**
 * The blocks of text of a saved page, read as the content script reads a live
 * one (entrypoints/content/scan/block-walker.ts), on happy-dom: for the
 * `mentions --html` tool, which checks pages without a browser. There is no
 * layout, so what style sheets hide is read too; scripts do not run.
 */
import { Window } from 'happy-dom';
import { BlockWalker } from '../entrypoints/content/scan/block-walker';

export function blocksOfHtml(html: string): string[] {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
  });
  const document = window.document;
  document.write(html);
  const blocks: string[] = [];
  const roots: Node[] = [document.body as unknown as Node];
  while (roots.length) {
    const walker = new BlockWalker(roots.shift()!, { onShadowRoot: (r) => roots.push(r) });
    for (let b = walker.next(); b; b = walker.next()) blocks.push(b.text);
  }
  void window.happyDOM.close();
  return blocks;
}
