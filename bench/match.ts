/**
 * `npx tsx bench/match.ts` (npm run bench:match): throughput and build cost
 * of the recognition core, against the obvious alternative in the same run.
 *
 * Text: the <body> text of every page of ../shared/corpus/pages (scripts and
 * styles dropped, tags stripped, split into blocks at block-level tags, the
 * way the content script hands paragraphs to the matcher), then a stress
 * text of ≥ 5 MB: those pages repeated, with a sentence of names sprinkled
 * every 25 blocks so that both packs find something.
 *
 * Matchers: ours, compiled from data/entities.json ("bundled") and from a
 * generated pack of 10,000 entities with 40,000 aliases (Latin, Hangul, Han);
 * the baseline for each is one RegExp: every alias escaped, joined with "|",
 * flag g, run block by block over the same text. The baseline does less than
 * ours (no folding, no case rule, no variants, no boundaries): it is the
 * floor a simple implementation would stand on.
 *
 * Figures are medians of several runs (interleaved, after warm-up passes);
 * MB is 10^6 bytes of UTF-8 text.
 * Memory is the growth of heap + array buffers across a build, between two
 * forced collections.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { EntitySource } from '../core/pack/types';
// The same deterministic generator as the generated packs, so every run benches the same pack.
import { rng } from './generate-pack';
import {
  compileMatcher,
  linkDocument,
  type MatchableEntity,
  type Matcher,
} from '../core/recognition';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const PAGES_DIR = path.resolve(repoRoot, '../shared/corpus/pages');
const STRESS_BYTES = 5_000_000;
const SPRINKLE_EVERY = 25;
const RUNS = 7;
const BUILD_RUNS = 5;
const GENERATED_ENTITIES = 10_000;

// A collection on demand, however the script was started (no --expose-gc needed).
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

type Pages = string[][];

// ---------------------------------------------------------------- text

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  mdash: '—',
  ndash: '–',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  hellip: '…',
  middot: '·',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : +name.slice(1);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? all;
  });
}

const BLOCK_TAGS =
  'p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|nav|aside|main|blockquote|pre|dd|dt|dl|figure|figcaption|form|hr';

/** The blocks of text of a page's body, as the content script would see them. */
function pageBlocks(html: string): string[] {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  const text = body
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(new RegExp(`</?(?:${BLOCK_TAGS})\\b[^>]*>`, 'gi'), '\n')
    .replace(/<[^>]*>/g, ' ');
  return decodeEntities(text)
    .split('\n')
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter((b) => b.length > 0);
}

function bytesOf(pages: Pages): number {
  let n = 0;
  for (const blocks of pages) for (const b of blocks) n += Buffer.byteLength(b, 'utf8');
  return n;
}

// ---------------------------------------------------------------- generated pack

const LATIN_SURNAMES =
  'Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong Chen Wang Li Zhang Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Smith Johnson Brown Miller Davis Garcia Wilson Anderson Taylor Thomas Moore Martin Jackson White Harris Clark Lewis Walker Young Allen'.split(
    ' ',
  );
const LATIN_SYLLABLES =
  'min jun seo yeon ji hoon woo jin hyun soo young ho sung chul hee kyung eun bin tae wei ming hua jie ling xin yu fang hao lei tao kenji hiro yuki taro aki haru masa nori shin ichi ko ra na mi ka sa to'.split(
    ' ',
  );
const HANGUL_SURNAMES = '김이박최정강조윤장임한오서신권황안송유홍'.split('');
const HANGUL_SYLLABLES =
  '민준서연지훈우진현수영호성철희경은빈태원동혁재석규상미나래하윤아름주찬용'.split('');
const HAN_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'.split('');
const HAN_GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志文辉斌鹏宇浩然晨阳雪梅丹玉婷俊博思源佳怡嘉琪子轩梓涵'.split(
    '',
  );
const JA_SURNAMES =
  '佐藤 鈴木 高橋 田中 渡辺 伊藤 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 清水 斎藤'.split(
    ' ',
  );
const JA_GIVEN =
  '翔 大輝 陽菜 結衣 蓮 悠真 美咲 健太 拓也 直樹 真由美 恵子 和也 裕子 浩二 智子 誠 明美 隆 洋子'.split(
    ' ',
  );

function generatedPack(count: number): MatchableEntity[] {
  const rnd = rng(20251031);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  const used = new Set<string>();
  const unique = (make: () => string): string => {
    for (;;) {
      const s = make();
      if (!used.has(s)) {
        used.add(s);
        return s;
      }
    }
  };
  const out: MatchableEntity[] = [];
  for (let i = 0; i < count; i++) {
    const en = unique(() => {
      const given =
        rnd() < 0.5
          ? `${cap(pick(LATIN_SYLLABLES))}-${pick(LATIN_SYLLABLES)}`
          : cap(pick(LATIN_SYLLABLES) + pick(LATIN_SYLLABLES));
      return rnd() < 0.5 ? `${pick(LATIN_SURNAMES)} ${given}` : `${given} ${pick(LATIN_SURNAMES)}`;
    });
    const ko = unique(
      () => pick(HANGUL_SURNAMES) + pick(HANGUL_SYLLABLES) + pick(HANGUL_SYLLABLES),
    );
    const zh = unique(() => pick(HAN_SURNAMES) + pick(HAN_GIVEN) + pick(HAN_GIVEN));
    const ja = unique(() => pick(JA_SURNAMES) + pick(JA_GIVEN) + pick(HAN_GIVEN));
    out.push({ id: `person-${i}`, aliases: { en: [en], ko: [ko], ja: [ja], 'zh-Hans': [zh] } });
  }
  return out;
}

function allAliases(entities: readonly MatchableEntity[]): string[] {
  const out: string[] = [];
  for (const e of entities) for (const list of Object.values(e.aliases)) out.push(...(list ?? []));
  return out;
}

// ---------------------------------------------------------------- stress text

function stressText(pages: Pages, bundled: string[], generated: string[]): Pages {
  const rnd = rng(7);
  const pick = (xs: readonly string[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: Pages = [];
  let bytes = 0;
  let n = 0;
  while (bytes < STRESS_BYTES)
    for (const blocks of pages) {
      const page: string[] = [];
      for (const b of blocks) {
        page.push(b);
        bytes += Buffer.byteLength(b, 'utf8');
        if (++n % SPRINKLE_EVERY === 0) {
          const s = `Reports said ${pick(bundled)} met ${pick(generated)} and ${pick(generated)}; ${pick(bundled)} 측은 ${pick(generated)}와 회담했다.`;
          page.push(s);
          bytes += Buffer.byteLength(s, 'utf8');
        }
      }
      out.push(page);
      if (bytes >= STRESS_BYTES) break;
    }
  return out;
}

// ---------------------------------------------------------------- timing

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

let sink = 0;

function runMatcher(m: Matcher, pages: Pages): number {
  const t0 = performance.now();
  for (const blocks of pages) for (const found of linkDocument(m, blocks)) sink += found.length;
  return performance.now() - t0;
}

function runRegExp(re: RegExp, pages: Pages): number {
  const t0 = performance.now();
  for (const blocks of pages)
    for (const b of blocks) {
      re.lastIndex = 0;
      while (re.exec(b) !== null) sink++;
    }
  return performance.now() - t0;
}

/**
 * Milliseconds per pass of each runner over the same text: warm-up passes
 * (the JIT compiles the hot loops), then rounds in which every runner runs
 * once, so that drift on a busy machine hits all of them alike; medians.
 */
function timeRunners(runners: Array<() => number>, warmup: number, rounds: number): number[] {
  for (const run of runners) for (let i = 0; i < warmup; i++) run();
  const times: number[][] = runners.map(() => []);
  for (let r = 0; r < rounds; r++) runners.forEach((run, i) => times[i]!.push(run()));
  return times.map(median);
}

/** Heap in use, counting the typed arrays' backing stores (outside the JS heap proper). */
function memoryInUse(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function settledMemory(): number {
  gc();
  gc();
  return memoryInUse();
}

/** Median build time and memory growth of `make`, the result kept alive while measuring. */
function build<T>(make: () => T): { value: T; ms: number; mb: number } {
  make(); // warm up the compiler's own code
  const times: number[] = [];
  const deltas: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < BUILD_RUNS; i++) {
    value = undefined;
    const before = settledMemory();
    const t0 = performance.now();
    value = make();
    times.push(performance.now() - t0);
    deltas.push((settledMemory() - before) / 1e6);
  }
  return { value: value!, ms: median(times), mb: median(deltas) };
}

function combinedRegExp(aliases: readonly string[]): RegExp {
  const escaped = [...new Set(aliases)]
    .sort((a, b) => b.length - a.length)
    .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(escaped.join('|'), 'g');
  re.exec('warm'); // V8 compiles a RegExp on first use: count that in its build
  return re;
}

// ---------------------------------------------------------------- main

const fmt = (x: number, d = 1) => x.toFixed(d);

function main(): void {
  const files = readdirSync(PAGES_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const corpus: Pages = files.map((f) => pageBlocks(readFileSync(path.join(PAGES_DIR, f), 'utf8')));
  const bundledEntities = JSON.parse(
    readFileSync(path.join(repoRoot, 'data/entities.json'), 'utf8'),
  ) as EntitySource[];
  const generatedEntities = generatedPack(GENERATED_ENTITIES);
  const bundledAliases = allAliases(bundledEntities);
  const generatedAliases = allAliases(generatedEntities);
  const stress = stressText(corpus, bundledAliases, generatedAliases);
  const corpusBytes = bytesOf(corpus);
  const stressBytes = bytesOf(stress);

  console.log(
    `corpus: ${files.length} pages, ${corpus.reduce((s, p) => s + p.length, 0)} blocks, ${fmt(corpusBytes / 1e6, 2)} MB of text`,
  );
  console.log(
    `stress: ${stress.reduce((s, p) => s + p.length, 0)} blocks, ${fmt(stressBytes / 1e6, 2)} MB of text`,
  );
  console.log(
    `packs: bundled ${bundledEntities.length} entities / ${bundledAliases.length} aliases; generated ${generatedEntities.length} entities / ${generatedAliases.length} aliases`,
  );

  const ours1 = build(() => compileMatcher(bundledEntities));
  const ours10k = build(() => compileMatcher(generatedEntities));
  const re1 = build(() => combinedRegExp(bundledAliases));
  const re10k = build(() => combinedRegExp(generatedAliases));
  console.log(`build bundled matcher: ${fmt(ours1.ms)} ms, heap +${fmt(ours1.mb, 2)} MB`);
  console.log(`build 10k matcher: ${fmt(ours10k.ms)} ms, heap +${fmt(ours10k.mb, 2)} MB`);
  console.log(`build bundled RegExp: ${fmt(re1.ms)} ms, heap +${fmt(re1.mb, 2)} MB`);
  console.log(`build 10k RegExp: ${fmt(re10k.ms)} ms, heap +${fmt(re10k.mb, 2)} MB`);

  const rows: Array<[string, number, number]> = [];
  for (const [label, pages, bytes] of [
    ['corpus', corpus, corpusBytes],
    ['stress', stress, stressBytes],
  ] as const) {
    const small = bytes < 1e6;
    const ms = timeRunners(
      [
        () => runMatcher(ours1.value, pages),
        () => runMatcher(ours10k.value, pages),
        () => runRegExp(re1.value, pages),
        () => runRegExp(re10k.value, pages),
      ],
      small ? 5 : 2,
      small ? 3 * RUNS : RUNS,
    );
    const [b, k, rb, rk] = ms.map((t) => bytes / 1e6 / (t / 1000)) as [
      number,
      number,
      number,
      number,
    ];
    console.log(
      `${label}: ours bundled ${fmt(b)} MB/s | ours 10k ${fmt(k)} MB/s | RegExp bundled ${fmt(rb)} MB/s | RegExp 10k ${fmt(rk)} MB/s`,
    );
    rows.push([`${label} 10k/bundled`, k / b, 0.75]);
    rows.push([`${label} 10k/RegExp-10k`, k / rk, 5]);
    rows.push([`${label} bundled/RegExp-bundled`, b / rb, 0.5]);
  }
  for (const [label, ratio, target] of rows)
    console.log(
      `ratio ${label}: ${fmt(ratio, 2)}x (target ≥ ${target}x) ${ratio >= target ? 'PASS' : 'FAIL'}`,
    );
  console.log(
    `build 10k matcher: ${fmt(ours10k.ms)} ms (target < 200 ms) ${ours10k.ms < 200 ? 'PASS' : 'FAIL'}`,
  );
  if (sink < 0) console.log(sink); // keeps the results alive
}

main();
