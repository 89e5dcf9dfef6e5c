/**
 * The ~5 MB stress page of the corpus README: every corpus page's <body> in
 * name order, stripped of scripts, frames, embeds, images, media, links and
 * `on*=` attributes, each wrapped in <section>, repeated until the page
 * reaches 5,000,000 bytes. Built at run time, never stored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const TARGET_BYTES = 5_000_000;

function bodyOf(html: string): string {
  const match = /<body[^>]*>([\s\S]*?)<\/body>/i.exec(html);
  return (match?.[1] ?? html)
    .replace(/<(script|iframe|object|embed|video|audio|picture|noscript)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<(img|source|link|track|embed)\b[^>]*>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '');
}

export function buildStressPage(corpusDir: string): string {
  const bodies = readdirSync(corpusDir)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map(
      (name) =>
        `<section data-source="${name}">${bodyOf(readFileSync(path.join(corpusDir, name), 'utf8'))}</section>`,
    );
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const part = bodies[i % bodies.length]!;
    parts.push(part);
    bytes += Buffer.byteLength(part);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stress page</title></head><body>${parts.join('\n')}</body></html>`;
}
