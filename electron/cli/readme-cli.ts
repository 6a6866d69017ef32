// The README's CLI section is `mcp-tray --help`'s list of commands, word for word (a unit test
// checks it). `npm run docs:cli` rewrites it after the command table changed.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { overview } from './help-text.ts';

export const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const BEGIN = '<!-- cli-overview: generated from electron/cli/command-table.ts by npm run docs:cli -->';
const END = '<!-- /cli-overview -->';

/** The text between the markers, without the code fence. */
export function readmeCliSection(readme: string): string | undefined {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) return undefined;
  return readme.slice(start + BEGIN.length, end).trim().replace(/^```\n/, '').replace(/\n```$/, '');
}

export function withCliSection(readme: string, text = overview()): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`README.md has no ${BEGIN} … ${END} markers`);
  return `${readme.slice(0, start + BEGIN.length)}\n\`\`\`\n${text}\n\`\`\`\n${readme.slice(end)}`;
}

if (import.meta.main) {
  writeFileSync(README, withCliSection(readFileSync(README, 'utf8')));
  process.stdout.write('README.md: CLI section rewritten from the command table\n');
}
