import { describe, expect, it } from 'vitest';
import {
  collapseNearDuplicates,
  NEAR_DUPLICATE,
  similarity,
  wordsOf,
} from '../../core/near-duplicates';

const line = (text: string, id: string) => ({ text, id });

describe('collapseNearDuplicates', () => {
  it('folds a sentence that differs by a word into the better one, keeping both', () => {
    const lines = [
      line('President Lee Jae-myung has repeatedly stated that he will cherish the alliance.', 'a'),
      line('Xi Jinping will visit Seoul on November 1.', 'b'),
      line('President Lee Jae-myung has previously stated that he will cherish the alliance.', 'c'),
    ];
    const out = collapseNearDuplicates(lines);
    expect(out.map((l) => l.id)).toEqual(['a', 'b']);
    expect(out[0]!.also!.map((l) => l.id)).toEqual(['c']);
    expect(out[1]!.also).toBeUndefined();
    expect(lines[0]).not.toHaveProperty('also');
  });

  it('folds the same sentence twice, and CJK sentences by their character pairs', () => {
    const out = collapseNearDuplicates([
      line('이재명 대통령은 한미동맹을 소중히 하겠다고 여러 차례 밝혔다.', 'ko1'),
      line('이재명 대통령은 한미동맹을 소중히 하겠다고 여러 차례 밝혔다.', 'ko2'),
      line('王毅外长强调中日高层交往的重要性。', 'zh1'),
      line('王毅外長強調中日高層交往的重要性。', 'zh2'),
    ]);
    expect(out.map((l) => [l.id, (l.also ?? []).map((a) => a.id)])).toEqual([
      ['ko1', ['ko2']],
      ['zh1', []],
      ['zh2', []],
    ]);
  });

  it('keeps sentences that only share their subject apart', () => {
    const a = wordsOf('Chinese Foreign Minister Wang Yi spoke with Motegi on the phone.');
    const b = wordsOf('Chinese Foreign Minister Wang Yi will attend the APEC summit in Gyeongju.');
    expect(similarity(a, b)).toBeLessThan(NEAR_DUPLICATE);
  });
});
