/**
 * Precision and recall of the six people on the hand-annotated excerpts of
 * tests/fixtures/recognition-eval (English, Korean, Japanese, Chinese), with
 * the comparison of bench/recognition-eval.ts: exact span and entity. The
 * acceptance figures are precision ≥ 0.98 and recall ≥ 0.95 overall; each
 * language must reach ≥ 0.95 and ≥ 0.90. `npx tsx bench/recognition-eval.ts`
 * prints the same figures with every error, measured through the CLI.
 *
 * Then the rules the evaluation added, each on a sentence of its own, so a
 * regression names its rule rather than only moving a figure.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import {
  EVAL_DIR,
  formatScore,
  loadCorpus,
  mentionsInProcess,
  PEOPLE,
  score,
  shortfalls,
  THRESHOLDS,
  type Span,
} from '../../../bench/recognition-eval';
import { createDocumentState } from '../../../core/recognition';
import { bundled, found, repoRoot } from './helpers';

const corpus = loadCorpus();

describe('the evaluation corpus', () => {
  test('has excerpts in every language, and gold spans that fit their text', () => {
    const langs = new Map<string, number>();
    for (const e of corpus) langs.set(e.lang, (langs.get(e.lang) ?? 0) + 1);
    expect([...langs.keys()].sort()).toEqual(['en', 'ja', 'ko', 'zh']);
    for (const n of langs.values()) expect(n).toBeGreaterThanOrEqual(15);
    for (const e of corpus)
      for (const s of e.gold) {
        expect(PEOPLE).toContain(s.entity);
        expect(e.text.slice(s.start, s.end)).toBe(s.text);
      }
  });

  test('gold spans are sorted and do not overlap', () => {
    for (const e of corpus)
      e.gold.forEach((s, i) => {
        if (i > 0) expect(s.start).toBeGreaterThanOrEqual(e.gold[i - 1]!.end);
      });
  });
});

describe('precision and recall', () => {
  const s = score(corpus, mentionsInProcess(corpus));

  test('meet the thresholds overall and per language', () => {
    // The message lists every false positive and negative when it fails.
    expect(shortfalls(s), formatScore(s, corpus)).toEqual([]);
    expect(s.overall.precision).toBeGreaterThanOrEqual(THRESHOLDS.overall.precision);
    expect(s.overall.recall).toBeGreaterThanOrEqual(THRESHOLDS.overall.recall);
  });

  test.each(['en', 'ko', 'ja', 'zh'])('%s', (lang) => {
    const c = s.byLanguage[lang]!;
    expect(c.tp + c.fn).toBeGreaterThan(20);
    expect(c.precision).toBeGreaterThanOrEqual(THRESHOLDS.language.precision);
    expect(c.recall).toBeGreaterThanOrEqual(THRESHOLDS.language.recall);
  });

  test('the CLI finds the same mentions as the matcher in process', async () => {
    const files = corpus.map((e) => path.join(EVAL_DIR, e.file));
    const { stdout } = await promisify(execFile)(
      path.join(repoRoot, 'node_modules/.bin/tsx'),
      [path.join(repoRoot, 'scripts/mentions.ts'), '--json', ...files],
      { cwd: repoRoot, maxBuffer: 64 << 20 },
    );
    const cli = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Array<Span & { name: string }>)
      .map((rows) => rows.map(({ entity, start, end, text }) => ({ entity, start, end, text })));
    expect(cli).toEqual(mentionsInProcess(corpus));
  }, 60_000);
});

describe('rules added with the evaluation', () => {
  test.each([
    // A capitalised given name mid-sentence makes a bare surname somebody else's.
    ['Lee Jae-myung met director Ang Lee.', ['lee-jae-myung:Lee Jae-myung']],
    ['Lee Jae-myung met actress Sheryl Lee.', ['lee-jae-myung:Lee Jae-myung']],
    ['Lee Jae-myung spoke. When Lee left', ['lee-jae-myung:Lee Jae-myung', 'lee-jae-myung:Lee']],
    ['Xi Jinping came. Seoul Hosts Xi', ['xi-jinping:Xi Jinping', 'xi-jinping:Xi']],
    // Capitals alone are a numeral or a team; in a capitals headline, the name.
    ['Xi Jinping watched Super Bowl XI.', ['xi-jinping:Xi Jinping']],
    [
      'Xi Jinping came. TRUMP, XI AGREE',
      ['xi-jinping:Xi Jinping', 'donald-trump:TRUMP', 'xi-jinping:XI'],
    ],
    ['Lee Jae-myung came. LEE KUAN YEW DIED', ['lee-jae-myung:Lee Jae-myung']],
    // Another person with the surname takes its title until the entity is named in full.
    ['President Lee Myung-bak landed. President Lee said so.', []],
    ['이명박 대통령이 방문했다. 이 대통령은 말했다.', []],
    ['李明博大統領が上陸した。李大統領は述べた。', []],
    ['Former President Lee Myung-bak objected; President Lee did not.', ['lee-jae-myung:Lee']],
    ['이명박 전 대통령이 비판했다. 이 대통령은 답했다.', ['lee-jae-myung:이']],
    [
      'Lee Jae-myung met Lee Myung-bak. President Lee said so.',
      ['lee-jae-myung:Lee Jae-myung', 'lee-jae-myung:Lee'],
    ],
    // 씨 and さん address private persons, not the people of the pack.
    ['王毅外相が会見した。王さん（42）は不安を語った。', ['wang-yi:王毅']],
    ['이재명 대통령이 말했다. 이 씨는 반대했다.', ['lee-jae-myung:이재명']],
    // 高 ending a word before 市 (提高, 最高, 円高) is not 高市; 高市内閣 and 高市政権 are.
    ['提高市容市貌', []],
    ['円高市場', []],
    ['高市内閣と高市政権', ['sanae-takaichi:高市', 'sanae-takaichi:高市']],
    // Korean 왕이 as "the king" + subject particle.
    ['한 왕이 살았다. 그 왕이 죽었다.', []],
    ['왕이 외교부장이 왔다.', ['wang-yi:왕이']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test('the other person’s claim carries across blocks', () => {
    const state = createDocumentState();
    expect(bundled.find('Lee Myung-bak visited Dokdo.', state)).toEqual([]);
    expect(bundled.find('President Lee said so.', state)).toEqual([]);
    expect(bundled.find('President Lee Jae-myung disagreed.', state)).toHaveLength(1);
    expect(bundled.find('President Lee said so.', state).map((m) => m.text)).toEqual(['Lee']);
  });

  test('a state without namedOther still works', () => {
    const state = { namedInFull: new Set<string>() };
    expect(bundled.find('李明博大統領。李大統領は', state)).toEqual([]);
  });
});
