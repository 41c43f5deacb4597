// What the text mirror says, and when, heard as a screen reader hears it: headings and regions by
// role and name, the live regions' announcements as they change (with the time each was made),
// a field's invalid state, disabled state and description from the accessibility tree.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, screenshot, until, axNodeOf } from './harness.mjs';

let server, browser, page, cdp;
before(async () => {
  server = await startServer();
  browser = await launch();
  ({ page } = await openPage(browser, server.url, { viewport: { width: 1366, height: 768 } }));
  await page.evaluate(() => window.aio.ready);
  cdp = await page.context().newCDPSession(page);
  // Every announcement of the two polite regions, with when it was made.
  await page.evaluate(() => {
    window.heard = { narration: [], status: [] };
    for (const [key, id] of [['narration', 'mirror-narration'], ['status', 'mirror-refusal']]) {
      const region = document.getElementById(id);
      new MutationObserver(() => window.heard[key].push({ text: region.textContent, at: performance.now() }))
        .observe(region, { childList: true, characterData: true, subtree: true });
    }
  });
});
after(async () => { await browser?.close(); server?.stop(); });

const heard = (key) => page.evaluate((k) => window.heard[k].filter((h) => h.text), key);
const statusText = () => page.getByRole('status').first().textContent();
// Waits for an announcement matching `re` made after `since` (ms, the page's clock); returns it.
async function hear(key, re, since = 0, timeout = 10000) {
  await until(page, ([k, src, t]) => window.heard[k].some((h) => h.at > t && new RegExp(src).test(h.text)), [key, re.source, since], timeout);
  return (await heard(key)).find((h) => h.at > since && re.test(h.text));
}
const now = () => page.evaluate(() => performance.now());

const axNode = (role, name) => axNodeOf(cdp, role, name);

test('the narration is the Explain section: a heading and a region of that name, the history in it', async () => {
  const name = 'Explain: each loop iteration in words';
  await page.getByRole('heading', { name, level: 2, exact: true }).waitFor({ state: 'attached' });
  const region = page.getByRole('region', { name, exact: true });
  assert.equal(await region.getByRole('list', { name: 'Every iteration so far, in full' }).count(), 1);
  assert.equal(await region.locator('[aria-live="polite"]').count(), 1, 'the spoken accounts are in it too');
});

test('a paused run tells each Step and each status change at once; a running run keeps the pace', async () => {
  await page.evaluate(() => { window.aio.setSpeed(0.1); window.aio.run('count', { n: 3, delay: 5 }); window.aio.pause(); });
  const paused = await hear('narration', /^Paused at t = 0\.00 s\./);
  for (let i = 0; i < 2; i++) {   // the first two iterations: the third would end the sleeps
    const since = await now();
    const iteration = await page.evaluate(() => { window.aio.step(); return window.aio.snapshot().iteration; });
    const told = await hear('narration', new RegExp(`iteration ${iteration}:`), since, 5000);
    assert.ok(told.at - since < 1000, `step ${i + 1} told ${Math.round(told.at - since)} ms after it (right after the Paused at ${Math.round(paused.at)})`);
  }
  let since = await now();
  await page.evaluate(() => window.aio.resume());
  const resumed = await hear('narration', /^Resumed at t = \d+\.\d\d s\./, since);
  assert.ok(resumed.at - since < 1000, `Resumed told ${Math.round(resumed.at - since)} ms after`);
  // Running: each iteration's account no sooner than a pace after the one before.
  await page.evaluate(() => { window.aio.setSpeed(2); window.aio.run('queue', { producers: 2, consumers: 3 }); });
  since = await now();
  await page.waitForTimeout(7000);
  const running = (await heard('narration')).filter((h) => h.at > since && !/^(Running|Paused|Stopped|Finished)/.test(h.text));
  assert.ok(running.length >= 2, `accounts told while running: ${running.length}`);
  for (let i = 1; i < running.length; i++) assert.ok(running[i].at - running[i - 1].at > 1900, `paced: ${running[i].at - running[i - 1].at} ms`);
  await hear('narration', /iteration \d+:/, await now());   // Stop right after an account: within its pace
  since = await now();
  await page.evaluate(() => window.aio.stop());
  const stopped = await hear('narration', /^Stopped at t = /, since);
  assert.ok(stopped.at - since < 1000, `Stopped told ${Math.round(stopped.at - since)} ms after, not a pace after the account before`);
  assert.match((await heard('narration')).find((h) => h.at > paused.at && /^Running/.test(h.text)).text, /^Running queue\./, 'Run keeps its words');
});

test('a refusal in the status region goes once the field is valid again or gone; Reset says so', async () => {
  await page.evaluate(() => window.aio.setSpeed('instant'));
  await page.getByRole('combobox', { name: 'Demo' }).selectOption('queue');
  const producers = page.getByRole('spinbutton', { name: 'producers', exact: true });
  const refuse = async () => {
    await producers.fill('-5');
    await until(page, () => /^producers must be/.test(document.getElementById('mirror-refusal').textContent));
  };
  await refuse();
  await page.getByRole('button', { name: 'Reset to defaults' }).press('Enter');
  await until(page, () => document.getElementById('mirror-refusal').textContent === 'Parameters reset to the defaults of queue.');
  assert.equal((await axNode('spinbutton', 'producers')).invalid, 'false');
  await screenshot(page, 'mirror-speech-reset');
  await refuse();
  await page.getByRole('combobox', { name: 'Demo' }).selectOption('count');
  await until(page, () => document.getElementById('mirror-refusal').textContent === '');
  await page.getByRole('combobox', { name: 'Demo' }).selectOption('queue');
  await refuse();
  await page.evaluate(() => window.aio.run('queue', { producers: 2 }));
  await until(page, () => document.getElementById('mirror-refusal').textContent === '');
  assert.equal(await statusText(), '');
});

test('a refused Speed is said, marked invalid and described as a number field should', async () => {
  await page.evaluate(() => window.aio.setSpeed(1));
  await until(page, () => !document.getElementById('mirror-instant').checked);
  const speed = page.getByRole('spinbutton', { name: 'Speed', exact: true });
  await speed.fill('50');
  await speed.press('Tab');
  const said = await hear('status', /50/);
  assert.match(said.text, /from 0\.1 to 10; or check Instant/);
  assert.doesNotMatch(said.text, /"instant"/);
  const ax = await axNode('spinbutton', 'Speed');
  assert.equal(ax.invalid, 'true');
  assert.equal(ax.description, said.text);
  await screenshot(page, 'mirror-speech-speed-refused');
  await speed.fill('2');
  await speed.press('Tab');
  await until(page, () => document.getElementById('mirror-refusal').textContent === '');
  assert.equal((await axNode('spinbutton', 'Speed')).invalid, 'false');
});

test('with Instant checked, Speed keeps its Tab stop and says why it does nothing', async () => {
  const instant = page.getByRole('checkbox', { name: /^Instant/ });
  await instant.focus();
  await instant.press('Space');
  await until(page, () => window.aio.snapshot().speed === 'instant' || document.getElementById('mirror-instant').checked);
  await page.waitForTimeout(400);
  const ax = await axNode('spinbutton', 'Speed');
  assert.equal(ax.disabled, true, 'announced unavailable');
  assert.match(ax.description, /Instant is on/);
  assert.equal(await page.locator('#mirror-speed').evaluate((e) => e.disabled), false, 'not taken out of the Tab order');
  await instant.focus();
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'mirror-speed');
  await instant.press('Space');
  await until(page, () => document.getElementById('mirror-speed').getAttribute('aria-disabled') === 'false');
  assert.doesNotMatch((await axNode('spinbutton', 'Speed')).description, /Instant is on/);
});

test('a new run without the view in front says which view the tabs moved to', async () => {
  await page.evaluate(() => { window.aio.setSpeed(0.1); window.aio.run('queue', {}); window.aio.pause(); });
  await until(page, () => document.getElementById('mirror-tab-resources'));
  await page.getByRole('tab', { name: 'Resources', exact: true }).press('Enter');
  await until(page, () => document.getElementById('mirror-tab-resources').getAttribute('aria-selected') === 'true');
  const since = await now();
  await page.evaluate(() => window.aio.run('rand', {}));
  const views = await page.evaluate(() => window.aio._form().views);
  assert.ok(!views.includes('resources'), 'rand has no Resources view');
  const moved = await hear('narration', /Resources is not part of rand: showing \w/, since);
  const shown = await page.getByRole('tab', { selected: true }).textContent();
  assert.match(moved.text, new RegExp(`Resources is not part of rand: showing ${shown}\\.`));
  await screenshot(page, 'mirror-speech-view-moved');
});
