/**
 * Takes the README's screenshots of the main window, light and dark, with the seed page (Hugging Face trending papers)
 * imported: `npx tsx scripts/screenshots.ts`. Drives the real window through `lectern serve`, by keyboard, like the
 * end-to-end tests; writes docs/screenshots/*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensureRendererBuilt } from '../electron/serve/renderer-build';
import {
  ROOT,
  TRENDING_PAGE,
  cli,
  openWindow,
  serve,
  tempLibraryPath,
  waitForSearchStatus,
} from '../tests/e2e/harness';

const OUT = path.join(ROOT, 'docs', 'screenshots');

async function main(): Promise<void> {
  ensureRendererBuilt(ROOT, (line) => console.log(line));
  fs.mkdirSync(OUT, { recursive: true });
  const library = tempLibraryPath();
  cli(library, 'import', TRENDING_PAGE);
  // A lived-in library: a few papers already triaged, starred, tagged and noted.
  const all = (JSON.parse(cli(library, 'list', '--json')) as unknown[]).length;
  const ids = (JSON.parse(cli(library, 'list', '--json', '--limit', '12')) as { id: number }[]).map((p) => p.id);
  const at = (i: number) => String(ids[i]);
  cli(library, 'status', at(1), at(4), 'to-read');
  cli(library, 'status', at(2), 'reading');
  cli(library, 'star', at(0), at(2), at(5));
  cli(library, 'tag', at(0), '+vulnerability', '+datasets');
  cli(library, 'tag', at(2), at(5), '+datasets');
  cli(library, 'tag', at(2), '+to-discuss');
  cli(
    library,
    'note',
    at(2),
    '--set',
    '**Key idea:** compare against the baseline in *Table 2*.\n\n- read §3 first\n- check the code release',
  );
  const served = await serve(library);
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const window = await openWindow(served.url, { colorScheme: scheme, width: 1440, height: 860, scale: 2 });
      const { page } = window;
      await page.getByRole('button', { name: /^All papers/ }).click();
      await waitForSearchStatus(page, `${all} papers`);
      await page.getByRole('row', { selected: true }).waitFor();
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.getByRole('complementary', { name: 'Paper details' }).getByRole('heading').first().waitFor();
      await page.screenshot({ path: path.join(OUT, `main-${scheme}.png`) });
      console.log(`wrote docs/screenshots/main-${scheme}.png`);
      await window.close();
    }
  } finally {
    await served.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
