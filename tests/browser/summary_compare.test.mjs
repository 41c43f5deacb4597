// Count's comparison in the Summary view at a phone's, a small laptop's and a desktop's width:
// each run's label, with every compared parameter, and the "not comparable" note fit the view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, landmark, landmarks, screenshot } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

for (const [width, height] of [[360, 640], [760, 480], [1280, 800]]) {
  test(`at ${width}x${height} the comparison's labels and note lie whole inside the view`, async () => {
    const { page, context } = await openPage(browser, server.url, { viewport: { width, height } });
    await page.evaluate(async () => {
      await window.aio.ready;
      window.aio.setSpeed('instant');
      window.aio.run('count', { n: 3, delay: 1 });
      await window.aio.finished();
      window.aio.run('count', { n: 3, delay: 2, blocking: true });
      await window.aio.finished();
      window.aio.showView('summary');
    });
    await landmark(page, 'summary:twin');
    await screenshot(page, `summary-compare-${width}px`);
    const marks = await landmarks(page);
    const view = marks.views;
    for (const name of ['summary:run', 'summary:twin', 'summary:not-comparable']) {
      const r = marks[name];
      assert.ok(r, `${name} is drawn`);
      assert.ok(r.x >= view.x && r.x + r.w <= view.x + view.w,
                `${width} px: ${name} ${JSON.stringify(r)} fits across the view ${JSON.stringify(view)}`);
    }
    await context.close();
  });
}
