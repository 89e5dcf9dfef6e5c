import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher, createDocumentState } from '../../../core/recognition';
import { buildPrefilter, foldClasses } from '../../../core/recognition/prefilter';
import {
  DOT,
  DROP,
  foldUnit,
  isCjk,
  isCombining,
  isWordUnit,
  SPACE,
} from '../../../core/recognition/normalise';
import type { EntitySource } from '../../../core/pack/types';

const ROOT = path.resolve(__dirname, '../../..');
const entities = JSON.parse(
  readFileSync(path.join(ROOT, 'data/entities.json'), 'utf8'),
) as EntitySource[];
const EVAL_DIR = path.join(ROOT, 'tests/fixtures/recognition-eval');
const CORPUS_DIR = path.resolve(ROOT, '../shared/corpus/pages');

/** Paragraph-sized blocks of a saved page's text, roughly as the content script sees them. */
function blocksOfHtml(html: string): string[] {
  return html
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, '')
    .split(
      /<\/?(?:p|div|li|h[1-6]|td|th|br|section|article|header|footer|nav|aside|ul|ol|table|tr)\b[^>]*>/i,
    )
    .map((part) =>
      part
        .replace(/<[^>]+>/g, '')
        .replace(/&nbsp;/g, '\u00a0')
        .replace(/&amp;/g, '&'),
    )
    .filter((text) => text.trim());
}

function findAll(blocks: string[], prefilter: boolean) {
  const matcher = compileMatcher(entities, { prefilter });
  const state = createDocumentState();
  return blocks.map((block) => matcher.find(block, state));
}

describe('the pre-check', () => {
  const evalTexts = readdirSync(EVAL_DIR, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(path.join(EVAL_DIR, name), 'utf8'));

  it('changes no result on the evaluation set, in four languages', () => {
    expect(evalTexts.length).toBeGreaterThan(50);
    for (const text of evalTexts) {
      const blocks = text.split(/\n+/);
      expect(findAll(blocks, true)).toEqual(findAll(blocks, false));
    }
  });

  it('changes no result on the text of every saved corpus page', () => {
    for (const name of readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.html'))) {
      const blocks = blocksOfHtml(readFileSync(path.join(CORPUS_DIR, name), 'utf8'));
      expect(findAll(blocks, true), name).toEqual(findAll(blocks, false));
    }
  });

  it.each([
    ['full-width letters', 'ＷＡＮＧ ＹＩ met ＭＯＴＥＧＩ'],
    ['a soft hyphen inside a name', 'Wang\u00adYi and Mo\u00adtegi'],
    ['separators inside CJK names', '茂木\u3000敏充、イ・ジェミョン、習・近平'],
    ['decomposed Hangul', '이재명'.normalize('NFD') + ' 대통령'],
    ['half-width katakana', 'ｲ･ｼﾞｪﾐｮﾝ大統領'],
    ['capitals', 'TAKAICHI AND XI MEET'],
    ['curly apostrophes', 'Takaichi’s plan'],
  ])('lets through text that only folding reveals: %s', (_, text) => {
    const blocks = [`Sanae Takaichi, Lee Jae-myung and Xi Jinping.`, text];
    const withCheck = findAll(blocks, true);
    expect(withCheck).toEqual(findAll(blocks, false));
    expect(withCheck[1]!.length).toBeGreaterThan(0);
  });

  it('turns away text that cannot hold a pattern', () => {
    const prefilter = buildPrefilter(['wang yi', 'xi', '茂木敏充'])!;
    expect(prefilter.mayMatch('The taxi to Xinhua left early.')).toBe(false);
    expect(prefilter.mayMatch('Nothing to see here.')).toBe(false);
    expect(prefilter.mayMatch('President Xi spoke.')).toBe(true);
    expect(prefilter.mayMatch('茂木 敏充外相')).toBe(true);
  });

  it('finds the same special units and separators as the rule applied to every unit', () => {
    // The rule of foldClasses, without its shortcut, over all of the BMP.
    const isLetter = (u: number) => isWordUnit(u) || (u >= 0xac00 && u <= 0xd7a3) || isCjk(u);
    const ascii = (u: number) => (u >= 48 && u <= 57) || (u >= 97 && u <= 122);
    const special = new Set([0x3a3]);
    const separator = new Set<number>();
    for (let c = 0; c < 0x10000; c++) {
      const f = foldUnit(c);
      const lower = String.fromCharCode(c).toLowerCase();
      const l = lower.length === 1 ? lower.charCodeAt(0) : -1;
      if (f === SPACE || f === DOT) separator.add(c);
      else if (f === DROP || isCombining(c) || isCombining(f)) special.add(c);
      else if (isLetter(f) && f !== c && l !== f) special.add(c);
      else if (c >= 128 && (ascii(l) || (l < 0 && ascii(lower.charCodeAt(0))))) special.add(c);
    }
    const asSet = (cls: string) => {
      const re = new RegExp(cls);
      const out = new Set<number>();
      for (let c = 0; c < 0x10000; c++) if (re.test(String.fromCharCode(c))) out.add(c);
      return out;
    };
    const classes = foldClasses();
    expect(asSet(classes.special)).toEqual(special);
    expect(asSet(classes.separator)).toEqual(separator);
  });

  it('stands aside for packs too large for one alternation', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `${i.toString(36).padStart(4, 'z')}zz`);
    expect(buildPrefilter(many)).toBeNull();
  });
});
