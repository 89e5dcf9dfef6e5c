/** Pack files for the end-to-end suites, written as a reader's own pack would be. */

/** A small pack of people, all in one topic ("computing"), with one article naming them. */
export function notesPack(version: string, people: Array<[string, string]>, id = 'notes') {
  return {
    format: 'briefing-lens/pack-source',
    formatVersion: 1,
    id,
    title: id === 'notes' ? 'Reading notes' : `Notes ${id}`,
    version,
    topics: [{ id: 'computing', name: { en: 'Computing' }, color: '#0f766e' }],
    entities: people.map(([entityId, name]) => ({
      id: entityId,
      kind: 'person',
      name,
      aliases: { en: [name] },
      topics: ['computing'],
    })),
    articles: [
      {
        id: 'letters',
        title: 'Letters',
        date: '1843-07-02',
        language: 'en',
        text: people.map(([, name]) => `${name} wrote about the engine.`).join(' '),
      },
    ],
  };
}

/**
 * A pack of about `megabytes` MB of article text, for filling a disk. The
 * words are random letters: the browser compresses what it stores, and
 * repeated text would take almost no room.
 */
export function bulkyPack(megabytes: number, id = 'bulky') {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const word = () =>
    Array.from({ length: 3 + Math.floor(random() * 8) }, () =>
      String.fromCharCode(97 + Math.floor(random() * 26)),
    ).join('');
  const paragraph = () => {
    const words: string[] = [];
    for (let n = 0; n < 10_000; n += words.at(-1)!.length + 1) words.push(word());
    return `Augusta Byron attended. ${words.join(' ')}.`;
  };
  const count = Math.ceil((megabytes * 1024 * 1024) / 10_000);
  const articles = Array.from({ length: count }, (_, i) => ({
    id: `report-${i}`,
    title: `Report ${i}`,
    date: '2025-10-01',
    language: 'en',
    text: paragraph(),
  }));
  return {
    ...notesPack('1.0.0', [['augusta-byron', 'Augusta Byron']], id),
    title: 'Bulky reports',
    articles,
  };
}
