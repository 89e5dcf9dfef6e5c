// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { installStaticRange, mentionIn } from './helpers';
import {
  compareMentions,
  MentionIndex,
  type PageMention,
} from '../../../entrypoints/content/scan/mention-index';

installStaticRange();

/** "Sanae <b>Takaichi</b> met Wang Yi." as text nodes, with two mentions. */
function page() {
  document.body.replaceChildren();
  const p = document.createElement('p');
  const first = document.createTextNode('Sanae ');
  const bold = document.createElement('b');
  const second = document.createTextNode('Takaichi');
  const third = document.createTextNode(' met Wang Yi.');
  bold.append(second);
  p.append(first, bold, third);
  document.body.append(p);
  // One mention across two nodes, as the scanner makes it for "Sanae Takaichi".
  const takaichi: PageMention = {
    entityId: 'sanae-takaichi',
    text: 'Sanae Takaichi',
    range: new StaticRange({
      startContainer: first,
      startOffset: 0,
      endContainer: second,
      endOffset: 8,
    }),
    nodes: [first, second],
  };
  const wang = mentionIn(third, 5, 12, 'wang-yi');
  return { p, first, second, third, takaichi, wang };
}

describe('MentionIndex', () => {
  let index: MentionIndex;
  beforeEach(() => {
    index = new MentionIndex();
  });

  it('adds a mention once: the same words found by a rescan are not added again', () => {
    const { third, wang } = page();
    expect(index.add(wang)).toBe(true);
    expect(index.add(mentionIn(third, 5, 12, 'wang-yi'))).toBe(false);
    // Other words in the same node are another mention.
    expect(index.add(mentionIn(third, 5, 9, 'wang-yi'))).toBe(true);
    expect(index.size).toBe(2);
  });

  it.each([
    // [where, node, offset, expected entity]
    ['the first character of a mention', 'first', 0, 'sanae-takaichi'],
    ['inside the first node of a mention across nodes', 'first', 5, 'sanae-takaichi'],
    ['inside its last node', 'second', 7, 'sanae-takaichi'],
    ['the end offset (exclusive)', 'third', 12, undefined],
    ['the last character', 'third', 11, 'wang-yi'],
    ['before a mention in the same node', 'third', 4, undefined],
  ] as const)('finds what covers %s', (_, which, offset, entityId) => {
    const nodes = page();
    index.add(nodes.takaichi);
    index.add(nodes.wang);
    expect(index.at(nodes[which], offset)?.entityId).toBe(entityId);
  });

  it('finds nothing in a node no mention touches', () => {
    const { takaichi } = page();
    index.add(takaichi);
    expect(index.at(document.createTextNode('Sanae Takaichi'), 0)).toBeUndefined();
  });

  it('removes every mention touching a node that matches, and returns them', () => {
    const { second, takaichi, wang } = page();
    index.add(takaichi);
    index.add(wang);
    const removed = index.removeWhere((node) => node === second);
    expect(removed).toEqual([takaichi]);
    expect([...index.values()]).toEqual([wang]);
    // Gone from every node it touched, not only the one that matched.
    expect(index.at(takaichi.nodes[0]!, 0)).toBeUndefined();
    // And it can be found and added again by a rescan.
    expect(index.add(takaichi)).toBe(true);
  });

  it('keeps the other mentions of a node when a mention it shares is removed', () => {
    const { second, third } = page();
    // "Takaichi met" spans two nodes; "Wang Yi" lies in the second of them only.
    const across: PageMention = {
      entityId: 'across',
      text: 'Takaichi met',
      range: new StaticRange({
        startContainer: second,
        startOffset: 0,
        endContainer: third,
        endOffset: 4,
      }),
      nodes: [second, third],
    };
    const wang = mentionIn(third, 5, 12, 'wang-yi');
    index.add(across);
    index.add(wang);
    expect(index.removeWhere((node) => node === second)).toEqual([across]);
    expect(index.at(third, 1)).toBeUndefined();
    expect(index.at(third, 6)).toBe(wang);
    expect(index.removeWhere((node) => node === third)).toEqual([wang]);
    expect(index.size).toBe(0);
  });

  it('lists mentions in document order, whatever order they were found in', () => {
    const { first, third, takaichi, wang } = page();
    const met = mentionIn(third, 1, 4, 'met');
    const sanae = mentionIn(first, 0, 5, 'sanae');
    for (const m of [wang, met, takaichi]) index.add(m);
    expect(index.inDocumentOrder()).toEqual([takaichi, met, wang]);
    expect(compareMentions(sanae, wang)).toBeLessThan(0);
    expect(compareMentions(wang, sanae)).toBeGreaterThan(0);
    expect(compareMentions(met, wang)).toBeLessThan(0);
  });
});
