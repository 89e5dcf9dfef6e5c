/**
 * The real data on the real article: data/entities.json run over the seed
 * text (../shared/seed, line by line, decided as one document, the way the
 * content script hands over paragraphs) finds every person it names, in
 * every spelling it uses, and each topic of the pack.
 */
import { expect, test } from 'vitest';
import { linkDocument, type Mention } from '../../../core/recognition';
import { bundled, checkMentions } from './helpers';
import { describeWithSeed, hasSeed, seedText } from '../with-shared';

describeWithSeed('the seed article', () => {
  const lines = hasSeed ? seedText().split('\n') : [];
  const mentions: Mention[] = linkDocument(bundled, lines).flatMap((found, i) => {
    checkMentions(lines[i]!, found);
    return found;
  });
  const texts = (id: string) =>
    new Set(mentions.filter((m) => m.entityId === id).map((m) => m.text));

  test.each([
    ['wang-yi', ['Wang Yi', 'wang yi']],
    ['toshimitsu-motegi', ['Toshimitsu Motegi', 'Motegi Toshimitsu', 'toshimitsu motegi']],
    ['xi-jinping', ['Xi Jinping', 'xi jinping']],
    ['lee-jae-myung', ['Lee Jae-myung', 'lee jae-myung']],
    ['sanae-takaichi', ['Sanae Takaichi', 'Takaichi', 'sanae takaichi']],
    ['donald-trump', ['Donald Trump', 'Trump', 'donald trump']],
  ])('finds %s', (id, spellings) => {
    expect([...texts(id)].sort()).toEqual([...spellings].sort());
  });

  test('finds the places, countries and topics', () => {
    const ids = new Set(mentions.map((m) => m.entityId));
    for (const id of [
      'apec-summit-gyeongju',
      'gyeongju',
      'china',
      'japan',
      'south-korea',
      'united-states',
      'north-korea',
      'north-korea-nuclear-program',
      'investment-fund',
      'semiconductors',
      'nobel-peace-prize-nomination',
      'korea-us-alliance',
      'northeast-asia',
    ])
      expect(ids, id).toContain(id);
  });

  test('counts each person as often as the article names them', () => {
    const count = (id: string) => mentions.filter((m) => m.entityId === id).length;
    expect(count('lee-jae-myung')).toBe(10);
    expect(count('xi-jinping')).toBe(6);
    expect(count('wang-yi')).toBe(4);
    expect(count('toshimitsu-motegi')).toBe(3);
  });
});
