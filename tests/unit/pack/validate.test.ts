import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../core/pack/schema';
import type { PackSource } from '../../../core/pack/types';
import {
  formatProblem,
  parsePackJson,
  validatePackSource,
  type Problem,
} from '../../../core/pack/validate';
import { fixturePack } from './fixtures';

const FILE = 'my-pack.json';

/** A valid pack, deep-copied so each case can break it freely. */
function pack(): PackSource {
  return structuredClone(fixturePack());
}

function problemsOf(input: unknown): Problem[] {
  const r = validatePackSource(input, { pack: FILE });
  if (r.ok) throw new Error('expected the pack to be rejected');
  return r.problems;
}

// The cases break the pack's types on purpose, so the mutator gets an untyped view.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function mutate(fn: (p: any) => void): unknown {
  const p = pack();
  fn(p);
  return p;
}

describe('validatePackSource', () => {
  it('accepts the fixture pack', () => {
    const r = validatePackSource(pack(), { pack: FILE });
    expect(r.ok).toBe(true);
  });

  it('keeps HTML and script in text as plain strings (the UI renders text, never markup)', () => {
    const p = pack();
    p.articles[0]!.text = '<img src=x onerror="alert(1)"><script>alert(2)</script> Wang Yi spoke.';
    p.entities[0]!.name = '<b>Wang Yi</b>';
    const r = validatePackSource(p);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.pack.articles[0]!.text).toContain('<script>');
  });

  type Expected = Omit<Partial<Problem>, 'message'> & { message: RegExp };
  it.each<[string, unknown, Expected]>([
    ['not an object', 'hello', { message: /must be a JSON object; got "hello"/ }],
    ['an array', [], { message: /must be a JSON object; got an array/ }],
    ['null', null, { message: /must be a JSON object; got null/ }],
    [
      'wrong format',
      mutate((p) => (p.format = 'other/pack')),
      { field: 'format', message: /not a Briefing Lens source pack/ },
    ],
    [
      'wrong version',
      mutate((p) => (p.formatVersion = 2)),
      { field: 'formatVersion', message: /format version 2 is not supported/ },
    ],
    ['missing title', mutate((p) => delete p.title), { field: 'title', message: /is required/ }],
    [
      'missing entities',
      mutate((p) => delete p.entities),
      { field: 'entities', message: /is required/ },
    ],
    [
      'missing alias list',
      mutate((p) => delete p.entities[0].aliases),
      { entry: 'entities[0] (wang-yi)', field: 'aliases', message: /is required/ },
    ],
    [
      'wrong type',
      mutate((p) => (p.entities[2].name = 42)),
      { entry: 'entities[2] (xi-jinping)', field: 'name', message: /must be a name \(got 42\)/ },
    ],
    [
      'wrong kind',
      mutate((p) => (p.entities[1].kind = 'alien')),
      { field: 'kind', message: /must be one of person, country/ },
    ],
    [
      'non-kebab id',
      mutate((p) => (p.entities[0].id = 'Wang Yi')),
      { field: 'id', message: /"Wang Yi" is not a kebab-case id/ },
    ],
    [
      'duplicate id',
      mutate((p) => (p.entities[1].id = 'wang-yi')),
      {
        entry: 'entities[1] (wang-yi)',
        field: 'id',
        message: /duplicate id "wang-yi": entities\[0\] already uses it/,
      },
    ],
    [
      'duplicate article id',
      mutate((p) => (p.articles[2].id = p.articles[0].id)),
      { field: 'id', message: /duplicate id/ },
    ],
    [
      'unknown topic',
      mutate((p) => (p.entities[3].topics = ['diplomacy', 'sports'])),
      {
        entry: 'entities[3] (lee-jae-myung)',
        field: 'topics[1]',
        message: /unknown topic "sports"/,
      },
    ],
    [
      'javascript: URL',
      mutate((p) => (p.articles[0].url = 'javascript:alert(1)')),
      { field: 'url', message: /a javascript: URL is not allowed/ },
    ],
    [
      'data: URL',
      mutate((p) => (p.articles[0].url = 'data:text/html,<script>alert(1)</script>')),
      { field: 'url', message: /a data: URL is not allowed/ },
    ],
    [
      'relative URL',
      mutate((p) => (p.articles[0].url = '/news/1')),
      { field: 'url', message: /is not an http\(s\) URL/ },
    ],
    [
      'oversized article text',
      mutate((p) => (p.articles[0].text = 'x'.repeat(LIMITS.articleTextChars + 1))),
      { field: 'text', message: /too long: 200001 characters, at most 200000/ },
    ],
    [
      'oversized title',
      mutate((p) => (p.articles[0].title = 't'.repeat(301))),
      { field: 'title', message: /too long/ },
    ],
    [
      'oversized alias',
      mutate((p) => (p.entities[0].aliases.en = ['W'.repeat(101)])),
      { field: 'aliases.en[0]', message: /too long for an alias/ },
    ],
    [
      'too many aliases',
      mutate(
        (p) => (p.entities[0].aliases.en = Array.from({ length: 201 }, (_, i) => `Wang ${i}`)),
      ),
      { field: 'aliases', message: /has 201 aliases/ },
    ],
    [
      'too many titles and cues',
      mutate((p) => {
        p.entities[0].titles = { en: Array.from({ length: 150 }, (_, i) => `Title ${i}`) };
        p.entities[0].cues = { ko: Array.from({ length: 51 }, (_, i) => `단서${i}`) };
      }),
      { field: 'cues', message: /has 201 titles and cues, at most 200/ },
    ],
    [
      'a title that is no text',
      mutate((p) => (p.entities[0].titles = { en: ['Minister', 3] })),
      { field: 'titles.en[1]', message: /./ },
    ],
    [
      'a namesake too long',
      mutate((p) => (p.entities[0].namesakes = ['N'.repeat(201)])),
      { field: 'namesakes[0]', message: /too long/ },
    ],
    [
      'a year that is no year',
      mutate((p) => (p.entities[0].since = 19.5)),
      { field: 'since', message: /must be a year/ },
    ],
    [
      'too many articles',
      mutate(
        (p) => (p.articles = Array.from({ length: LIMITS.articles + 1 }, () => p.articles[0])),
      ),
      { field: 'articles', message: /has 20001 articles, at most 20000/ },
    ],
    [
      'too many entities, even broken ones (counted before they are read)',
      mutate((p) => (p.entities = Array.from({ length: LIMITS.entities + 1 }, () => 'junk'))),
      { field: 'entities', message: /has 20001 entities, at most 20000: refused before reading/ },
    ],
    [
      'empty alias',
      mutate((p) => (p.entities[0].aliases.en = ['Wang Yi', '  '])),
      { field: 'aliases.en[1]', message: /empty alias/ },
    ],
    [
      'no alias at all',
      mutate((p) => (p.entities[0].aliases = {})),
      { field: 'aliases', message: /has no alias/ },
    ],
    [
      'unknown language',
      mutate((p) => (p.entities[0].aliases.fr = ['Wang Yi'])),
      { field: 'aliases.fr', message: /unknown language "fr"/ },
    ],
    [
      'impossible date',
      mutate((p) => (p.articles[0].date = '2025-02-30')),
      { field: 'date', message: /"2025-02-30" is not a real date/ },
    ],
    [
      'badly written date',
      mutate((p) => (p.articles[0].date = '28 Oct 2025')),
      { field: 'date', message: /not a real date written YYYY-MM-DD/ },
    ],
    [
      'bad colour',
      mutate((p) => (p.topics[0].color = 'red; background:url(x)')),
      { entry: 'topics[0] (diplomacy)', field: 'color', message: /is not a CSS hex colour/ },
    ],
    [
      'short bad colour',
      mutate((p) => (p.topics[0].color = '#12')),
      { field: 'color', message: /not a CSS hex colour/ },
    ],
    [
      'topic without English name',
      mutate((p) => (p.topics[0].name = { ko: '외교' })),
      { field: 'name.en', message: /is required/ },
    ],
    [
      'unknown article language',
      mutate((p) => (p.articles[0].language = 'fr')),
      { field: 'language', message: /must be one of en, ko/ },
    ],
  ])('rejects %s', (_name, input, expected) => {
    const problems = problemsOf(input);
    const { message, ...where } = expected;
    const match = problems.find(
      (p) =>
        message.test(p.message) &&
        Object.entries(where).every(([k, v]) => p[k as keyof Problem] === v),
    );
    expect(match, JSON.stringify(problems, null, 2)).toBeDefined();
    expect(match!.file).toBe(FILE);
  });

  it('reports all problems at once, in pack order, each naming its file', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- broken on purpose
    const p: any = pack();
    p.articles[1].date = 'soon';
    p.entities[4].aliases.en = [''];
    p.topics[1].color = 'blue';
    p.title = '';
    const r = validatePackSource(p, {
      pack: 'data/pack.json',
      topics: 'data/topics.json',
      entities: 'data/entities.json',
      articles: 'data/articles.json',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem)).toEqual([
      'data/pack.json: title: must not be empty',
      'data/topics.json: topics[1] (security) › color: "blue" is not a CSS hex colour such as "#d97706"',
      'data/entities.json: entities[4] (sanae-takaichi) › aliases.en[0]: is an empty alias',
      `data/articles.json: articles[1] (${p.articles[1].id}) › date: "soon" is not a real date written YYYY-MM-DD`,
    ]);
  });
});

describe('parsePackJson', () => {
  it('accepts a valid file', () => {
    expect(parsePackJson(JSON.stringify(pack()), FILE).ok).toBe(true);
  });

  it('accepts a byte order mark', () => {
    expect(parsePackJson('\uFEFF' + JSON.stringify(pack()), FILE).ok).toBe(true);
  });

  it.each([
    ['{"format": "briefing-lens/pack-source",\n  "id": }', /not valid JSON.*line 2, column 9/],
    ['{"a": 1,}', /not valid JSON.*line 1, column 9/],
    ['', /not valid JSON/],
    ["{'single': 'quotes'}", /not valid JSON.*line 1, column 2/],
  ])('reports malformed JSON %j with its position', (text, message) => {
    const r = parsePackJson(text, FILE);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.file).toBe(FILE);
    expect(r.problems[0]!.message).toMatch(message);
  });

  it('rejects valid JSON that is not a pack', () => {
    const r = parsePackJson('[1, 2, 3]', FILE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/must be a JSON object/);
  });
});

describe('aliases that would flood a page or never match', () => {
  const withAliases = (aliases: Record<string, string[]>, extra: object = {}) => {
    const p = pack();
    Object.assign(p.entities[0]!, { aliases: { en: ['Wang Yi'], ...aliases }, ...extra });
    return validatePackSource(p);
  };
  const messages = (result: ReturnType<typeof validatePackSource>) =>
    result.ok ? [] : result.problems.map((p) => `${p.field}: ${p.message}`);

  it.each([
    [{ en: ['Wang Yi', 'W'] }, /aliases\.en\[1\]: is a single character \("W"\)/],
    [{ ja: ['の'] }, /aliases\.ja\[0\]: is a single character/],
    [{ en: ['Wang Yi', 'the'] }, /aliases\.en\[1\]: is a common word \("the"\)/],
    [{ en: ['Wang Yi', 'Said'] }, /aliases\.en\[1\]: is a common word/],
    [{ ko: ['이'] }, /aliases\.ko\[0\]: is a common word \("이"\)/],
    [{ 'zh-Hans': ['的'] }, /aliases\.zh-Hans\[0\]: is a common word/],
    [
      { en: ['Wang Yi', '\u200b\u200c'] },
      /aliases\.en\[1\]: has no character the matcher can find/,
    ],
  ])('refuses %j', (aliases, message) => {
    expect(messages(withAliases(aliases)).join('\n')).toMatch(message);
  });

  it('refuses an ambiguous or titled form that can never match', () => {
    expect(messages(withAliases({}, { ambiguous: { en: ['\u200d'] } })).join('\n')).toMatch(
      /ambiguous\.en\[0\]: has no character the matcher can find/,
    );
  });

  it.each([[{ ko: ['韓', '미'] }], [{ en: ['Wang Yi', 'US', 'IT'] }], [{ 'zh-Hant': ['王毅'] }]])(
    'accepts abbreviations, acronyms and short CJK names: %j',
    (aliases) => {
      expect(messages(withAliases(aliases))).toEqual([]);
    },
  );
});

describe('keys that are not data', () => {
  it.each([
    ['at the top', (p: PackSource) => JSON.stringify(p).replace(/^\{/, '{"__proto__":{"x":1},')],
    [
      'in a language map',
      (p: PackSource) =>
        JSON.stringify(p).replace('"aliases":{', '"aliases":{"__proto__":["Wang Yi"],'),
    ],
  ])('refuses an explicit "__proto__" key %s, naming it', (_, write) => {
    const result = parsePackJson(write(pack()), FILE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(/"__proto__"/);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
