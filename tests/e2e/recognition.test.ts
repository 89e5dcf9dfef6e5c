/**
 * Recognition on the real web, in Chromium with the built extension: each
 * class of page that the evaluation set found hard, served as a page of its
 * own, and what the reader sees highlighted on it (the page's CSS.highlights,
 * and the entity each mention was decided to be, through the diagnostics
 * channel). Names split by markup, page furniture, titles without the
 * person, headline-first surnames, namesake pages, and decisions revised as
 * more of the page arrives.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { diagnostics, launch, waitFor, waitForScan, type Harness } from '../support/harness';

/** What the page's content script found, as "entity:text", in document order. */
async function found(harness: Harness, page: Page): Promise<string[]> {
  const snapshot = await diagnostics(harness, page, { mentions: true });
  return (snapshot?.found ?? []).filter((m) => m.painted).map((m) => `${m.entityId}:${m.text}`);
}

describe('recognition on served pages', () => {
  let harness: Harness;
  let served = 0;

  before(async () => {
    harness = await launch();
  });
  after(async () => {
    await harness?.close();
  });

  /** Serves `body` as a page of its own, opens it and waits for its first scan. */
  async function open(body: string, lang = 'en'): Promise<Page> {
    const url = harness.server.route(`/recognition-${++served}.html`, {
      body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`,
    });
    const page = await harness.context.newPage();
    await page.goto(url);
    await waitForScan(harness, page);
    return page;
  }

  describe('names split by markup', () => {
    it('reads white space between inline elements, and line breaks, as a reader does', async () => {
      const page = await open(
        [
          '<p><a href="#">Donald</a> <a href="#">Trump</a> met <span>Xi</span>\n  <span>Jinping</span>.</p>',
          // A headline set word by word, and a list of names one per line.
          '<h2><span>Wang</span> <span>Yi</span> <span>calls</span> <span>Motegi</span></h2>',
          '<p>Guests:<br>Lee Jae-myung<br>Sanae Takaichi</p>',
        ].join(''),
      );
      assert.deepEqual(await found(harness, page), [
        'donald-trump:Donald Trump',
        'xi-jinping:Xi Jinping',
        'wang-yi:Wang Yi',
        'toshimitsu-motegi:Motegi',
        'lee-jae-myung:Lee Jae-myung',
        'sanae-takaichi:Sanae Takaichi',
      ]);
      await page.close();
    });

    it('keeps neighbours apart: a given name before a surname makes it somebody else', async () => {
      const page = await open(
        '<p>Lee Jae-myung spoke.</p><p>Photo by <span>Sheryl</span> <span>Lee</span> for the paper.</p>',
      );
      assert.deepEqual(await found(harness, page), ['lee-jae-myung:Lee Jae-myung']);
      await page.close();
    });
  });

  describe('page furniture', () => {
    it('is no mention: a contact link, a language menu, currency, organisations', async () => {
      const page = await open(
        [
          '<nav><ul><li><a href="#">CONTACT US</a></li><li><a href="#">JOIN US</a></li></ul></nav>',
          '<ul class="languages"><li>한국어</li><li>日本語</li><li>中文</li><li>English</li></ul>',
          '<p>Tickets cost US$ 40 on Korean Air, a Gallup Korea poll found.</p>',
          // One real mention, so that a blank result means the rules, not a failed scan.
          '<p>Toshimitsu Motegi spoke on Tuesday.</p>',
        ].join(''),
      );
      assert.deepEqual(await found(harness, page), ['toshimitsu-motegi:Toshimitsu Motegi']);
      await page.close();
    });
  });

  describe('titles without the person', () => {
    it('leaves a Lee of a club or a company dark on a page that never names Lee Jae-myung', async () => {
      const page = await open(
        '<p>President Lee of the Rotary Club opened the fair. Chairman Lee of Samsung Electronics attended with Sanae Takaichi.</p>',
      );
      assert.deepEqual(await found(harness, page), ['sanae-takaichi:Sanae Takaichi']);
      await page.close();
    });

    it('reads Korean 이 대통령 after another president as "this president"', async () => {
      const page = await open(
        '<p>도널드 트럼프 대통령은 기자회견을 열었다. 이 대통령은 관세를 언급했다.</p>',
        'ko',
      );
      assert.deepEqual(await found(harness, page), ['donald-trump:도널드 트럼프']);
      await page.close();
    });
  });

  describe('headline first', () => {
    it('lights a bare surname in a headline above a body that names the person', async () => {
      const page = await open(
        '<h1>Xi urges calm</h1><p>Chinese President Xi Jinping said on Monday that talks would go on.</p>',
      );
      assert.deepEqual(await found(harness, page), ['xi-jinping:Xi', 'xi-jinping:Xi Jinping']);
      await page.close();
    });

    it('revises the headline when the body arrives later, and again when it goes', async () => {
      const page = await open('<h1>Xi urges calm</h1><main id="body"></main>');
      assert.deepEqual(await found(harness, page), []);
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'Chinese President Xi Jinping said on Monday that talks would go on.';
        document.getElementById('body')!.append(p);
      });
      await waitFor(
        () => found(harness, page),
        (f) => f.length === 2,
        'the headline lit by the body',
      );
      assert.deepEqual(await found(harness, page), ['xi-jinping:Xi', 'xi-jinping:Xi Jinping']);
      await page.evaluate(() => document.getElementById('body')!.replaceChildren());
      await waitFor(
        () => found(harness, page),
        (f) => f.length === 0,
        'the headline dark again',
      );
      await page.close();
    });
  });

  describe('pages about a namesake', () => {
    const cases: Array<[string, string, string, string[]]> = [
      [
        'a racetrack',
        'en',
        '<h1>Twin Ring Motegi</h1><p>The MotoGP race at Motegi ran 24 laps; Marquez took pole position and the podium was all Ducati.</p>',
        [],
      ],
      [
        'a snooker player',
        'en',
        '<h1>Judd Trump wins the English Open</h1><p>Trump made a century break in the final frame to take the ranking title.</p>',
        [],
      ],
      [
        'a pastor with the minister’s name',
        'en',
        '<p>Pastor Wang Yi of the Early Rain Covenant Church in Chengdu was sentenced; Wang preached on Sunday.</p>',
        [],
      ],
      [
        'trump cards, in Korean',
        'ko',
        '<h1>트럼프(카드)</h1><p>트럼프 카드 게임은 53장의 카드로 하는 놀이이다. 트럼프로 점을 치기도 한다.</p>',
        [],
      ],
    ];
    for (const [name, lang, body, expected] of cases)
      it(`keeps the bare name dark on a page about ${name}`, async () => {
        const page = await open(body, lang);
        assert.deepEqual(await found(harness, page), expected);
        await page.close();
      });
  });
});
