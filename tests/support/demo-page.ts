/**
 * The demo page: the seed article (data/articles.json) rendered as a news page
 * with a masthead, the five sections as stories, a sidebar of related headlines
 * in Korean, Japanese and Chinese, and a comment box — the places a reader's
 * page has names in. Used by `npm run demo` and the end-to-end tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleSource } from '../../core/pack/types';
import { splitSentences } from '../../core/pack/sentences';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Sidebar headlines, written for the demo in the style of Korean, Japanese and Chinese news. */
export const SIDEBAR_HEADLINES = [
  { lang: 'ko', text: '이재명 대통령, 경주 APEC 정상회의 앞두고 다카이치 총리와 30일 회담' },
  { lang: 'ko', text: '시진핑 주석 11년 만의 국빈 방한… 왕이 외교부장도 동행' },
  { lang: 'ja', text: '高市首相、李在明大統領と首脳会談へ　茂木外相は王毅外相と電話会談' },
  { lang: 'zh-Hans', text: '王毅同日本外相茂木敏充通电话　习近平将出席亚太经合组织会议' },
  { lang: 'zh-Hant', text: '習近平將對韓國進行國事訪問　川普與李在明舉行會談' },
] as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function paragraphsOf(text: string): string[] {
  const sentences = splitSentences(text).map(([start, end]) => text.slice(start, end));
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 3)
    paragraphs.push(sentences.slice(i, i + 3).join(' '));
  return paragraphs;
}

export function loadArticles(): ArticleSource[] {
  return JSON.parse(readFileSync(path.join(ROOT, 'data/articles.json'), 'utf8')) as ArticleSource[];
}

export interface DemoPage {
  html: string;
  /** the text of every block a reader sees, in document order (inputs excluded) */
  blocks: string[];
}

export function renderDemoPage(articles = loadArticles()): DemoPage {
  const blocks: string[] = [];
  const block = (text: string) => {
    blocks.push(text);
    return escapeHtml(text);
  };
  const first = articles[0]!;
  const headline = block(first.headline ?? first.title);
  // "Sanae <b>Takaichi</b>": a name split across inline elements is still one name.
  block('Analysis: what Sanae Takaichi wants from Seoul');
  const stories = articles
    .map((article, i) => {
      const title = block(article.title);
      const paragraphs = paragraphsOf(article.text).map((p) => `<p>${block(p)}</p>`);
      return `<article class="story" id="story-${i + 1}">
  <h2>${title}</h2>
  ${paragraphs.join('\n  ')}
</article>`;
    })
    .join('\n');
  const tags = (first.tags ?? []).map((t) => `#${t}`);
  block(tags.join(''));
  const sidebar = SIDEBAR_HEADLINES.map(
    (h) => `<li lang="${h.lang}"><a href="#">${block(h.text)}</a></li>`,
  ).join('\n      ');

  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(first.headline ?? first.title)} — The Daily Briefing</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { margin: 0; font: 17px/1.6 Georgia, 'Noto Serif', 'Noto Serif CJK KR', serif; color: #1a1a1a; background: #fbfaf7; }
  .masthead { border-bottom: 3px double #1a1a1a; padding: 14px 32px; display: flex; justify-content: space-between; align-items: baseline; background: #fff; }
  .masthead .name { font: 700 28px/1 'Times New Roman', serif; letter-spacing: .02em; }
  .masthead nav a { margin-left: 18px; color: #1a1a1a; text-decoration: none; font: 14px system-ui, sans-serif; }
  .layout { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 40px; max-width: 1140px; margin: 0 auto; padding: 24px 32px; }
  .section-tag { font: 600 13px system-ui, sans-serif; color: #b91c1c; text-transform: uppercase; letter-spacing: .08em; }
  h1 { font-size: 34px; line-height: 1.2; margin: 6px 0 10px; }
  .byline { font: 14px system-ui, sans-serif; color: #555; margin-bottom: 20px; }
  .story h2 { font-size: 23px; line-height: 1.3; margin: 32px 0 8px; }
  aside { border-left: 1px solid #ddd; padding-left: 24px; font-family: system-ui, 'Noto Sans CJK KR', sans-serif; }
  aside h3 { font-size: 14px; text-transform: uppercase; letter-spacing: .06em; color: #555; }
  aside li { margin-bottom: 12px; font-size: 15px; line-height: 1.45; }
  aside a { color: #1a1a1a; text-decoration: none; }
  .tags a { display: inline-block; margin: 0 6px 6px 0; padding: 2px 8px; background: #eee; border-radius: 3px; font: 13px system-ui, sans-serif; color: #333; text-decoration: none; }
  .comment { margin-top: 32px; font: 14px system-ui, sans-serif; }
  .comment textarea, .comment input { width: 100%; font: inherit; margin-top: 6px; }
</style>
</head>
<body>
<header class="masthead"><span class="name">The Daily Briefing</span>
  <nav><a href="#">World</a><a href="#">Economy</a><a href="#">Asia</a></nav></header>
<div class="layout">
<main>
  <div class="section-tag">${escapeHtml(first.section ?? '')} · Economy</div>
  <h1>${headline}</h1>
  <div class="byline">By the Asia desk · ${escapeHtml(first.date)}</div>
  <p class="dek"><b>Analysis:</b> what Sanae <b>Takaichi</b> wants from Seoul</p>
${stories}
  <p class="tags">${tags.map((t) => `<a href="#">${escapeHtml(t)}</a>`).join('')}</p>
  <form class="comment" onsubmit="return false">
    <label>Your comment<textarea rows="3">I think Wang Yi and Lee Jae-myung should meet.</textarea></label>
    <label>Your name<input type="text" value="Donald Trump fan"></label>
    <div contenteditable="true" class="editor">Draft: Xi Jinping visits Seoul.</div>
  </form>
</main>
<aside>
  <h3>Related coverage</h3>
  <ul>
      ${sidebar}
  </ul>
</aside>
</div>
</body>
</html>
`;
  return { html, blocks };
}
