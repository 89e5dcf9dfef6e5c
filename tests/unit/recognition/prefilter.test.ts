import { readdirSync, readFileSync } from 'node:fs';
import { CORPUS_DIR, corpusPages, describeWithCorpus } from '../with-shared';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher, linkDocument } from '../../../core/recognition';
import { buildPrefilter, foldClasses } from '../../../core/recognition/prefilter';
import { DOT, DROP, foldUnit, isCombining, SPACE } from '../../../core/recognition/normalise';
import { matchableEntities } from '../../../core/pack/matchable';
import { buildBundledPack } from '../../../scripts/build-pack';
import { compilePatterns, type PrefilterPattern } from '../../../core/recognition/patterns';

const ROOT = path.resolve(__dirname, '../../..');
const built = buildBundledPack();
if (!built.ok) throw new Error('data/ does not validate');
// With the related entities of the briefings, as the background compiles it.
const entities = matchableEntities(built.pack.entities, built.pack.briefings);
const EVAL_DIR = path.join(ROOT, 'tests/fixtures/recognition-eval');

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

/** Patterns with no case rule and no focus, as a lower-case alias gives. */
function anyCase(...folded: string[]): PrefilterPattern[] {
  return folded.map((f) => ({ folded: f, upper: [], focusStart: 0, focusEnd: f.length }));
}

const withCheck = compileMatcher(entities, { prefilter: true });
const withoutCheck = compileMatcher(entities, { prefilter: false });

function findAll(blocks: string[], prefilter: boolean) {
  return linkDocument(prefilter ? withCheck : withoutCheck, blocks);
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
    const prefilter = buildPrefilter(anyCase('wang yi', 'xi', '茂木敏充'))!;
    expect(prefilter.mayMatch('The taxi to Xinhua left early.')).toBe(false);
    expect(prefilter.mayMatch('Nothing to see here.')).toBe(false);
    expect(prefilter.mayMatch('President Xi spoke.')).toBe(true);
    expect(prefilter.mayMatch('茂木 敏充外相')).toBe(true);
  });

  it('asks for the case the matcher demands, except after a hashtag', () => {
    const prefilter = buildPrefilter(compilePatterns(entities).prefilterPatterns)!;
    expect(prefilter.mayMatch('A trumpet played; thus the united front held.')).toBe(false);
    expect(prefilter.mayMatch('TRUMP AND XI MEET')).toBe(true);
    expect(prefilter.mayMatch('Trump met Xi.')).toBe(true);
    expect(prefilter.mayMatch('ｔｒｕｍｐ and #trump')).toBe(true);
  });

  it('wakes the matcher for a one-character Korean-press name only where there is Hangul', () => {
    const prefilter = buildPrefilter(compilePatterns(entities).prefilterPatterns)!;
    expect(prefilter.mayMatch('愛好大自然的真、善、美，走過美麗的旅遊足跡')).toBe(false);
    expect(prefilter.mayMatch('美 국무부는 밝혔다')).toBe(true);
    const blocks = ['美 국무부는 밝혔다', '真、善、美', '韓 외교부', '日中関係'];
    expect(findAll(blocks, true)).toEqual(findAll(blocks, false));
  });

  it('takes a surname’s needle from the surname, not from its title', () => {
    const prefilter = buildPrefilter(compilePatterns(entities).prefilterPatterns)!;
    expect(prefilter.mayMatch('The President and the Foreign Minister spoke.')).toBe(false);
  });

  it('sorts every unit of the BMP as the rule says, without its shortcut', () => {
    // Special: the fold drops or combines it (or it is a hash sign). Otherwise
    // a unit folds to itself, to a separator, or is a source of its fold.
    const special = new Set([0x23, 0xff03]);
    const separator = new Set<number>();
    const sources = new Map<number, Set<number>>();
    for (let c = 0; c < 0x10000; c++) {
      const f = foldUnit(c);
      if (f === SPACE || f === DOT) separator.add(c);
      else if (f === DROP || isCombining(c) || isCombining(f)) special.add(c);
      else if (f !== c) sources.set(f, (sources.get(f) ?? new Set()).add(c));
    }
    const asSet = (cls: string) => {
      const re = new RegExp(cls);
      const out = new Set<number>();
      for (let c = 0; c < 0x10000; c++) if (re.test(String.fromCharCode(c))) out.add(c);
      return out;
    };
    const classes = foldClasses(new Set(sources.keys()));
    expect(asSet(classes.special)).toEqual(special);
    expect(asSet(classes.separator)).toEqual(separator);
    expect(new Map([...classes.sources].map(([f, list]) => [f, new Set(list)]))).toEqual(sources);
    // The sources of "a" include its capital and its full-width forms.
    expect(classes.sources.get(0x61)).toEqual(expect.arrayContaining([0x41, 0xff21, 0xff41]));
  });

  it('stands aside for packs too large for one alternation', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `${i.toString(36).padStart(4, 'z')}zz`);
    expect(buildPrefilter(anyCase(...many))).toBeNull();
  });
});

describeWithCorpus('the pre-check on saved pages', () => {
  it('changes no result on the text of every saved corpus page', () => {
    for (const name of corpusPages()) {
      const blocks = blocksOfHtml(readFileSync(path.join(CORPUS_DIR, name), 'utf8'));
      expect(findAll(blocks, true), name).toEqual(findAll(blocks, false));
    }
  });
});
