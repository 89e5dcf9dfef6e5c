import { IDBObjectStore } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PackSource } from '../../../core/pack/types';
import { importPack, MAX_IMPORT_BYTES } from '../../../lib/db/import';
import { getArticle, getBriefing, listPacks, searchEntities } from '../../../lib/db/queries';
import type { BriefingDb } from '../../../lib/db/schema';
import { seedBundledPack } from '../../../lib/db/seed';
import { setPackEnabled } from '../../../lib/db/switch';
import { bundledPack, sourcePack } from './fixtures';
import { dump, freshDb } from './helpers';

let db: BriefingDb;
beforeEach(async () => {
  db = await freshDb();
  await seedBundledPack(db, bundledPack());
});

const json = (pack: unknown): string => JSON.stringify(pack);

/** A source pack with `n` entities and articles, so an import spans many batches. */
function bigSource(n: number): PackSource {
  const base = sourcePack();
  return {
    ...base,
    id: 'big',
    entities: Array.from({ length: n }, (_, i) => ({
      id: `person-${i}`,
      kind: 'person' as const,
      name: `Person Number${i}`,
      aliases: { en: [`Person Number${i}`] },
      topics: ['korea-politics'],
    })),
    articles: Array.from({ length: n }, (_, i) => ({
      id: `article-${i}`,
      title: `Article ${i}`,
      date: '2025-10-01',
      language: 'en' as const,
      text: `Person Number${i} met Person Number${(i + 1) % n}. They talked.`,
    })),
  };
}

describe('importPack', () => {
  it('imports a valid pack and reports progress up to the total', async () => {
    const progress: Array<[number, number]> = [];
    const result = await importPack(db, json(sourcePack()), 'notes.json', (done, total) =>
      progress.push([done, total]),
    );
    expect(result).toMatchObject({
      ok: true,
      pack: { id: 'user-pack', bundled: false, counts: { entities: 2, articles: 2, topics: 1 } },
    });
    expect(progress.at(-1)).toEqual([8, 8]);
    expect((await listPacks(db)).map((p) => p.id)).toEqual(['bundled', 'user-pack']);
    expect((await searchEntities(db, '이재'))[0]?.id).toBe('lee-jae-myung');
    expect((await getBriefing(db, 'lee-jae-myung'))?.packIds).toEqual(['user-pack']);
  });

  it('reports progress in batches for a large pack', async () => {
    const progress: number[] = [];
    const onProgress = (done: number) => progress.push(done);
    const result = await importPack(db, json(bigSource(600)), 'big.json', onProgress, {
      batchSize: 250,
    });
    expect(result.ok).toBe(true);
    // 1 topic + 600 entities + 600 articles + briefings + 1 meta, reported every 250
    expect(progress[0]).toBe(0);
    expect(progress.slice(1, 4)).toEqual([250, 500, 750]);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('refuses the same version of an installed pack, even when asked to replace', async () => {
    expect((await importPack(db, json(sourcePack()), 'a.json')).ok).toBe(true);
    const before = await dump(db);
    const again = await importPack(db, json(sourcePack({ title: 'Second' })), 'b.json', undefined, {
      replace: true,
    });
    expect(again).toEqual({
      ok: false,
      problems: [
        {
          file: 'b.json',
          field: 'version',
          message: expect.stringMatching(
            /^version 1\.0\.0 of "My reading notes" is already installed\. To install this file instead, .*Nothing was changed\.$/,
          ),
        },
      ],
    });
    expect(await dump(db)).toBe(before);
  });

  it('replaces an installed pack with a newer version in one go, keeping it switched off', async () => {
    expect((await importPack(db, json(sourcePack()), 'a.json')).ok).toBe(true);
    expect((await setPackEnabled(db, 'user-pack', false)).ok).toBe(true);
    const newer = sourcePack({ title: 'Second', version: '1.1.0' });
    newer.articles = newer.articles.slice(0, 1);
    const replaced = await importPack(db, json(newer), 'b.json');
    expect(replaced).toMatchObject({
      ok: true,
      replaced: '1.0.0',
      pack: { title: 'Second', version: '1.1.0', disabled: true },
    });
    expect(await getArticle(db, 'user-pack', 'ko-brief')).toBeUndefined();
    expect((await listPacks(db)).map((p) => `${p.id}@${p.version}`)).toEqual([
      'bundled@1.0.0',
      'user-pack@1.1.0',
    ]);
  });

  it('installs an older version, or one it cannot order, only when asked to replace', async () => {
    expect((await importPack(db, json(sourcePack({ version: '2.0.0' })), 'a.json')).ok).toBe(true);
    const before = await dump(db);
    for (const version of ['1.9.0', 'draft']) {
      const refused = await importPack(db, json(sourcePack({ version })), 'old.json');
      expect(refused).toMatchObject({ ok: false, installedVersion: '2.0.0' });
      expect(await dump(db)).toBe(before);
    }
    const older = await importPack(
      db,
      json(sourcePack({ version: '1.9.0' })),
      'old.json',
      undefined,
      {
        replace: true,
      },
    );
    expect(older).toMatchObject({ ok: true, replaced: '2.0.0', pack: { version: '1.9.0' } });
  });

  it('stores nothing when the vet objects, and says why', async () => {
    const before = await dump(db);
    const result = await importPack(db, json(sourcePack()), 'a.json', undefined, {
      vet: async (records) => `too many names: ${records.entities.length}.`,
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ file: 'a.json', message: 'too many names: 2. Nothing was changed.' }],
    });
    expect(await dump(db)).toBe(before);
  });

  it('never replaces the bundled pack, even when asked to', async () => {
    const before = await dump(db);
    const result = await importPack(db, json(sourcePack({ id: 'bundled' })), 'x.json', undefined, {
      replace: true,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/bundled pack.*cannot be replaced/);
    expect(await dump(db)).toBe(before);
  });

  it('stores HTML and script text verbatim, as plain strings', async () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(document.cookie)</script>';
    const pack = sourcePack();
    pack.title = `Notes ${hostile}`;
    const [first] = pack.articles;
    if (!first) throw new Error('fixture');
    first.title = hostile;
    first.text = `Lee Jae-myung said ${hostile} twice. Lee laughed.`;
    const result = await importPack(db, json(pack), 'x.json');
    expect(result.ok).toBe(true);
    const stored = await getArticle(db, 'user-pack', 'apec');
    expect(stored?.title).toBe(hostile);
    expect(stored?.text).toBe(first.text);
    expect((await listPacks(db))[1]?.title).toBe(`Notes ${hostile}`);
  });

  it('refuses a __proto__ key, which reaches no prototype and stores nothing', async () => {
    const before = await dump(db);
    const text = json(sourcePack()).replace('{"format"', '{"__proto__":{"polluted":1},"format"');
    const result = await importPack(db, text, 'proto.json');
    expect(result).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/"__proto__" key/) }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await dump(db)).toBe(before);
  });
});

describe('importPack is all or nothing', () => {
  type Put = IDBObjectStore['put'];
  const realPut: Put = IDBObjectStore.prototype.put;

  /**
   * Lets `okPuts` puts through, then fails the rest the way a full disk does:
   * `async` fails the request when it runs (the transaction aborts with
   * QuotaExceededError, as Chromium reports it); otherwise put throws at once.
   */
  function failPutsAfter(okPuts: number, mode: 'async' | 'sync') {
    let calls = 0;
    return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<Put>
    ) {
      calls += 1;
      if (calls <= okPuts) return realPut.apply(this, args);
      const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      if (mode === 'sync') throw quota;
      // fake-indexeddb's request queue (test-only knowledge): a request whose operation fails.
      const tx = this.transaction as unknown as {
        _execRequestAsync(r: { operation: () => never; source: unknown }): IDBRequest;
      };
      return tx._execRequestAsync({
        operation: () => {
          throw quota;
        },
        source: this,
      }) as ReturnType<Put>;
    });
  }

  it.each(['async', 'sync'] as const)(
    'a quota error midway (%s) leaves the database exactly as before',
    async (mode) => {
      await importPack(db, json(sourcePack()), 'first.json');
      const before = await dump(db);
      const progress: number[] = [];
      const spy = failPutsAfter(700, mode);
      const result = await importPack(
        db,
        json(bigSource(600)),
        'big.json',
        (d) => progress.push(d),
        {
          batchSize: 100,
        },
      );
      spy.mockRestore();
      expect(result).toEqual({
        ok: false,
        problems: [
          {
            file: 'big.json',
            message:
              'Not enough storage to import "My reading notes": the disk or the browser\'s storage for extensions is full. Nothing was changed.',
          },
        ],
      });
      // some batches were written (and reported) before the failure, and all rolled back
      expect(progress.at(-1)).toBe(700);
      expect(await dump(db)).toBe(before);
    },
  );

  it('a failure while replacing a pack keeps the old pack', async () => {
    await importPack(db, json(sourcePack()), 'first.json');
    const before = await dump(db);
    const spy = failPutsAfter(1, 'async');
    const result = await importPack(
      db,
      json(sourcePack({ version: '2.0.0' })),
      'x.json',
      undefined,
      {
        replace: true,
      },
    );
    spy.mockRestore();
    expect(result.ok).toBe(false);
    expect(await dump(db)).toBe(before);
  });

  it('a full disk, as Chromium reports it (an I/O error), is named as such', async () => {
    const before = await dump(db);
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException(
        'Connection is closing because of: IO error: .../000004.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
        'UnknownError',
      );
    });
    const result = await importPack(db, json(sourcePack()), 'x.json');
    spy.mockRestore();
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { message: expect.stringMatching(/^Not enough storage to import "My reading notes"/) },
      ],
    });
    expect(await dump(db)).toBe(before);
  });

  it('any other storage error is reported too, without the browser’s words, nothing changed', async () => {
    const before = await dump(db);
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('disk on fire', 'UnknownError');
    });
    const result = await importPack(db, json(sourcePack()), 'x.json');
    spy.mockRestore();
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: 'x.json',
          message:
            'Could not store "My reading notes": the browser stopped writing it before the end. Nothing was changed.',
        },
      ],
    });
    expect(await dump(db)).toBe(before);
  });
});

/** A source pack as a plain object, changed by `edit`. */
function edited(edit: (p: Record<string, unknown> & PackSource) => void): string {
  const pack = structuredClone(sourcePack()) as Record<string, unknown> & PackSource;
  edit(pack);
  return json(pack);
}

const firstEntity = (p: PackSource) => p.entities[0] as PackSource['entities'][number];
const firstArticle = (p: PackSource) => p.articles[0] as PackSource['articles'][number];

describe('importPack rejects malformed and hostile packs, changing nothing', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    ['truncated JSON', () => '{"format": "briefing-lens/pack-source", "id": ', /not valid JSON/],
    ['not JSON at all', () => '<html><body>hello</body></html>', /not valid JSON/],
    ['a JSON array', () => '[1, 2, 3]', /JSON object/],
    ['a JSON string', () => '"pack"', /JSON object/],
    [
      'wrong format',
      () => edited((p) => (p.format = 'something-else' as PackSource['format'])),
      /format/,
    ],
    ['missing title', () => edited((p) => delete (p as Partial<PackSource>).title), /required/],
    [
      'duplicate entity ids',
      () => edited((p) => p.entities.push({ ...firstEntity(p) })),
      /duplicate id "lee-jae-myung"/,
    ],
    [
      'unknown topic reference',
      () => edited((p) => (firstEntity(p).topics = ['no-such-topic'])),
      /unknown topic "no-such-topic"/,
    ],
    [
      'javascript: URL',
      () => edited((p) => (firstArticle(p).url = 'javascript:alert(1)')),
      /javascript: URL is not allowed/,
    ],
    [
      'data: URL',
      () => edited((p) => (firstArticle(p).url = 'data:text/html,<script>alert(1)</script>')),
      /data: URL is not allowed/,
    ],
    [
      'oversized alias',
      () => edited((p) => (firstEntity(p).aliases.en = ['x'.repeat(5_000)])),
      /too long/,
    ],
    [
      'oversized article text',
      () => edited((p) => (firstArticle(p).text = 'Lee. '.repeat(50_000))),
      /too long/,
    ],
    ['path-like id', () => edited((p) => (p.id = '../../etc/passwd')), /kebab-case/],
    [
      'unknown entity kind',
      () =>
        edited((p) => (firstEntity(p).kind = 'alien' as PackSource['entities'][number]['kind'])),
      /kind/,
    ],
    [
      'impossible date',
      () => edited((p) => (firstArticle(p).date = '2025-02-30')),
      /not a real date/,
    ],
    [
      'unknown language in aliases',
      () => edited((p) => ((firstEntity(p).aliases as Record<string, string[]>)['xx'] = ['Lee'])),
      /unknown language "xx"/,
    ],
    [
      'an object where a list belongs',
      () => edited((p) => ((p as Record<string, unknown>).entities = { length: 1e9 })),
      /entities/,
    ],
    [
      'file too large',
      () => ' '.repeat(MAX_IMPORT_BYTES + 1),
      /too large to import: 50\.0 MB, at most 50 MB\. Nothing was changed\./,
    ],
  ];

  it.each(cases)('%s', async (_label, text, message) => {
    const before = await dump(db);
    const result = await importPack(db, text(), 'hostile.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThan(0);
    const described = result.problems
      .map((p) => [p.entry, p.field, p.message].filter(Boolean).join(' '))
      .join('\n');
    expect(described).toMatch(message);
    for (const p of result.problems) expect(p.message.length).toBeGreaterThan(3);
    expect(await dump(db)).toBe(before);
  });
});
