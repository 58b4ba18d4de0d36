// Browser test of the web UI: starts `storyline serve` on a free loopback
// port, loads data/sample plus an article whose title is markup, then
// drives Debian's headless Chromium through the story list and a story
// page, asserting what a reader sees. Screenshots go to ARTIFACT_DIR.
//
// node ui_test.cjs STORYLINE_BINARY SAMPLE_JSONL WEB_DIR ARTIFACT_DIR
'use strict';

const {spawn} = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const assert = require('node:assert/strict');

const [binary, sample, webDir, artifacts] = process.argv.slice(2);
const {chromium} = require(path.resolve(webDir, 'node_modules', 'playwright-core'));

const XSS_TITLE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> Reservoir alarm';

function startServer(dir) {
  const child = spawn(binary, ['serve', '--db', path.join(dir, 'ui.db'), '--port', '0'],
                      {stdio: ['ignore', 'pipe', 'inherit']});
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/serving (http:\/\/[^\s]+)/);
      if (match) resolve({child, url: match[1].replace(/\/$/, '')});
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function waitReady(url) {
  for (let i = 0; i < 200; ++i) {
    const res = await fetch(url + '/stories?limit=1').catch(() => null);
    if (res && res.status === 200) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server never became ready');
}

async function load(url) {
  const xss = {id: 'xss-1', title: XSS_TITLE, source: 'Evil Wire', date: '2013-09-10',
               text: 'Engineers sounded the reservoir alarm after cracks appeared in the ' +
                     'northern embankment, officials said on Tuesday.'};
  const body = fs.readFileSync(sample, 'utf8') + JSON.stringify(xss) + '\n';
  const res = await fetch(url + '/articles', {method: 'POST', body,
                                              headers: {'Content-Type': 'application/x-ndjson'}});
  assert.equal(res.status, 201, await res.text());
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-ui-'));
  fs.mkdirSync(artifacts, {recursive: true});
  const {child, url} = await startServer(dir);
  let browser;
  try {
    await waitReady(url);
    await load(url);
    // A fresh profile per run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: {width: 1100, height: 900},
    });
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    // The list: stories with headline, sources count, span and languages.
    await page.goto(url + '/');
    await page.waitForSelector('#stories li');
    const items = await page.locator('#stories li').count();
    assert.ok(items > 5, `only ${items} stories listed`);
    assert.match(await page.locator('#stories li .meta').first().innerText(),
                 /\d+ sources · \d+ articles/);
    await page.screenshot({path: path.join(artifacts, 'ui-list.png'), fullPage: true});

    // Search box: the markup title is found and shown as text, never run.
    await page.fill('#q', 'reservoir alarm');
    await page.click('#filters button');
    // Locator waits, not waitForFunction: the page's CSP forbids eval.
    await page.locator('#status', {hasText: /^1 stories$/}).waitFor();
    await page.click('#stories li .headline');
    await page.waitForSelector('#headline');
    const shown = await page.locator('#articles').innerText();
    assert.ok(shown.includes('<script>window.__xss=1</script><img src=x onerror='), shown);
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'markup in a title ran');
    assert.equal(await page.locator('#app img, #app script').count(), 0);

    // A real story page: click the top story and check its sections.
    await page.goto(url + '/#/');
    await page.waitForSelector('#stories li');
    const headline = await page.locator('#stories li .headline').first().innerText();
    await page.locator('#stories li .headline').first().click();
    await page.waitForSelector('#headline');
    assert.equal(await page.locator('#headline').innerText(), headline);
    assert.ok(await page.locator('#summary li').count() >= 1, 'no summary');
    assert.ok(await page.locator('#sources tr').count() >= 3, 'no sources table');
    assert.ok(await page.locator('#articles li').count() >= 2, 'no articles');
    for (const id of ['#quotes', '#entities', '#timeline', '#reuse']) {
      console.log(`${id}: ${await page.locator(id).count() ? 'shown' : 'absent'}`);
    }
    await page.screenshot({path: path.join(artifacts, 'ui-story.png'), fullPage: true});

    // Period filter keeps the page working (no script errors anywhere).
    await page.goto(url + '/#/?period=7');
    await page.locator('#status', {hasText: /\d+ stories$/}).waitFor();
    assert.deepEqual(errors, []);
    console.log(`ok: ${items} stories listed, story "${headline}" shown`);
  } finally {
    if (browser) await browser.close();
    child.kill('SIGTERM');
    fs.rmSync(dir, {recursive: true, force: true});
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
