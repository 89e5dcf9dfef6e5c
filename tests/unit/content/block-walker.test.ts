// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';

// happy-dom has no StaticRange; Chromium and Firefox do. A plain record stands in.
globalThis.StaticRange ??= class {
  constructor(init: StaticRangeInit) {
    Object.assign(this, init);
  }
} as unknown as typeof StaticRange;
import { BlockWalker, type TextBlock } from '../../../entrypoints/content/scan/block-walker';
import { blockRootOf } from '../../../entrypoints/content/scan/skip-rules';
import { toDomSpan } from '../../../entrypoints/content/scan/offsets';

function blocksOf(html: string, options = {}): TextBlock[] {
  document.body.innerHTML = html; // test fixture only: the shipped code never does this
  const walker = new BlockWalker(document.body, options);
  const out: TextBlock[] = [];
  for (let b = walker.next(); b; b = walker.next()) out.push(b);
  return out;
}

describe('BlockWalker', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('joins text split across inline elements into one block', () => {
    const [block] = blocksOf('<p>Prime Minister Sanae <b>Takaichi</b> said</p>');
    expect(block!.text).toBe('Prime Minister Sanae Takaichi said');
    expect(block!.nodes).toHaveLength(3);
    expect(block!.starts).toEqual([0, 21, 29]);
  });

  it.each([
    [
      'white space between inline elements',
      'Por<!-- --> <span>Steven Lee Myers</span>',
      'Por Steven Lee Myers',
    ],
    ['a line break', 'Sanae<br>Takaichi', 'Sanae Takaichi'],
    ['an indented run of white space', '<span>Wang</span>\n      <span>Yi</span>', 'Wang Yi'],
    ['white space already in the text', '<span>Wang </span> <span>Yi</span>', 'Wang Yi'],
    ['no white space at all', '<span>Credit</span>Christopher Lee', 'CreditChristopher Lee'],
  ])('reads %s as a reader sees it', (_, inner, expected) => {
    const [block] = blocksOf(`<p>${inner}</p>`);
    expect(block!.text.replace(/\s+/g, ' ')).toBe(expected);
    // Every node's text sits where `starts` says: offsets map back exactly.
    block!.nodes.forEach((node, i) => {
      expect(block!.text.slice(block!.starts[i], block!.starts[i]! + node.data.length)).toBe(
        node.data,
      );
    });
    const at = block!.text.search(/\S+$/);
    const span = toDomSpan(block!, at, block!.text.length);
    expect(span.range.endContainer).toBe(block!.nodes.at(-1));
  });

  it('adds no space at the edges of a block', () => {
    const [block] = blocksOf('<p>  <span>Wang Yi</span><br>  </p><p>Motegi</p>');
    expect(block!.text).toBe('Wang Yi');
  });

  it('starts a new block at each block-level element', () => {
    const texts = blocksOf(
      '<div>Wang Yi<p>Motegi</p>Xi</div><ul><li>Lee</li><li>Trump</li></ul>',
    ).map((b) => b.text);
    expect(texts).toEqual(['Wang Yi', 'Motegi', 'Xi', 'Lee', 'Trump']);
  });

  it.each([
    ['a script', '<script>var x = "Wang Yi"</script>'],
    ['a style', '<style>/* Wang Yi */</style>'],
    ['a text area', '<textarea>Wang Yi</textarea>'],
    ['a select', '<select><option>Wang Yi</option></select>'],
    ['editable content', '<div contenteditable="true"><p>Wang Yi</p></div>'],
    ['editable content (empty attribute)', '<div contenteditable><p>Wang Yi</p></div>'],
    ['a textbox role', '<div role="textbox">Wang Yi</div>'],
    ['a template', '<template><p>Wang Yi</p></template>'],
    ['noscript', '<noscript>Wang Yi</noscript>'],
  ])('skips %s', (_, html) => {
    const texts = blocksOf(`<p>before</p>${html}<p>after</p>`).map((b) => b.text);
    expect(texts).toEqual(['before', 'after']);
  });

  it('scans content marked contenteditable="false", in any case', () => {
    expect(
      blocksOf(
        '<div contenteditable="false">Wang Yi</div><div contenteditable="FALSE">Motegi</div>',
      ).map((b) => b.text),
    ).toEqual(['Wang Yi', 'Motegi']);
  });

  it('never enters the extension’s own host', () => {
    document.body.innerHTML =
      '<p>Wang Yi</p><briefing-lens-card><p>Motegi</p></briefing-lens-card>';
    const host = document.querySelector('briefing-lens-card');
    const walker = new BlockWalker(document.body, { ownHost: host });
    const texts: string[] = [];
    for (let b = walker.next(); b; b = walker.next()) texts.push(b.text);
    expect(texts).toEqual(['Wang Yi']);
  });

  it('reports the shadow root of a root that is itself its host', () => {
    document.body.innerHTML = '<div id="host">light text</div>';
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(document.createTextNode('Xi Jinping'));
    const roots: ShadowRoot[] = [];
    const walker = new BlockWalker(host, { onShadowRoot: (r) => roots.push(r) });
    expect(walker.next()!.text).toBe('light text');
    expect(roots).toEqual([shadow]);
  });

  it('reports open shadow roots so they are scanned too', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.append(document.createTextNode('Xi Jinping'));
    const roots: ShadowRoot[] = [];
    const walker = new BlockWalker(document.body, { onShadowRoot: (r) => roots.push(r) });
    while (walker.next());
    expect(roots).toEqual([shadow]);
  });

  it('ignores white-space-only text', () => {
    const [block] = blocksOf('<p>  \n  </p><p>Lee</p>');
    expect(block!.text).toBe('Lee');
  });
});

describe('toDomSpan', () => {
  it('maps offsets back to the text nodes, across elements', () => {
    const [block] = blocksOf('<p>Prime Minister Sanae <b>Takaichi</b> said</p>');
    const span = toDomSpan(block!, 15, 29); // "Sanae Takaichi"
    expect(span.nodes).toHaveLength(2);
    expect(span.range.startContainer).toBe(block!.nodes[0]);
    expect(span.range.startOffset).toBe(15);
    expect(span.range.endContainer).toBe(block!.nodes[1]);
    expect(span.range.endOffset).toBe(8);
  });

  it('keeps a mention that ends where a node ends inside that node', () => {
    const [block] = blocksOf('<p><i>Wang Yi</i> met <i>Motegi</i></p>');
    const span = toDomSpan(block!, 0, 7);
    expect(span.nodes).toEqual([block!.nodes[0]]);
    expect(span.range.endOffset).toBe(7);
  });

  it('starts a mention that begins where a node begins in that node', () => {
    const [block] = blocksOf('<p><i>Wang Yi</i> met <i>Motegi</i></p>');
    const span = toDomSpan(block!, 12, 18);
    expect(span.nodes).toEqual([block!.nodes[2]]);
    expect(span.range.startOffset).toBe(0);
  });
});

describe('blockRootOf', () => {
  it('climbs from inline elements to the block that holds them', () => {
    document.body.innerHTML = '<p id="p">Sanae <b><i id="i">Takaichi</i></b></p>';
    const text = document.getElementById('i')!.firstChild!;
    expect(blockRootOf(text)).toBe(document.getElementById('p'));
    expect(blockRootOf(document.getElementById('p')!)).toBe(document.getElementById('p'));
  });
});
