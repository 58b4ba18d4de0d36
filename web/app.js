// storyline web UI: the story list and one story's page, built from the
// JSON API. Every piece of article text goes through textContent (never
// innerHTML), so markup inside titles or quotes is shown, not run.
'use strict';

const app = document.getElementById('app');

// el('div', {class: 'x'}, child, 'text', ...): an element; strings become
// text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' || typeof child === 'number'
                    ? document.createTextNode(String(child)) : child);
  }
  return node;
}

async function getJson(path) {
  const res = await fetch(path);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const message = body.error ? body.error.message : res.statusText;
    throw new Error(`${res.status}: ${message}`);
  }
  return body;
}

function show(...nodes) {
  app.replaceChildren(...nodes);
}

function span(first, last) {
  if (!first) return 'undated';
  return first === last ? first : `${first} – ${last}`;
}

function isoDaysAgo(days, from) {
  const d = new Date(from + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

// ---- Story list ------------------------------------------------------------

async function renderList(params) {
  const form = el('form', {class: 'filters', id: 'filters'},
    el('input', {type: 'search', name: 'q', id: 'q', placeholder: 'Search headlines',
                 value: params.get('q') || ''}),
    el('select', {name: 'period', id: 'period'},
      ...[['', 'All time'], ['1', 'Last day'], ['7', 'Last week'], ['30', 'Last month']]
        .map(([v, label]) => {
          const o = el('option', {value: v}, label);
          if ((params.get('period') || '') === v) o.selected = true;
          return o;
        })),
    el('input', {type: 'text', name: 'lang', id: 'lang', placeholder: 'lang (en)',
                 size: '6', value: params.get('lang') || ''}),
    el('button', {type: 'submit'}, 'Filter'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) next.set(k, v);
    location.hash = '#/?' + next.toString();
  });
  const list = el('ol', {class: 'stories', id: 'stories'});
  const status = el('p', {class: 'status', id: 'status'}, 'Loading…');
  show(form, status, list);

  const query = new URLSearchParams({limit: '50'});
  for (const key of ['q', 'lang', 'cursor']) {
    if (params.get(key)) query.set(key, params.get(key));
  }
  if (params.get('period')) {
    // Periods count back from the newest story, not from today: archives
    // and replayed feeds have no "now".
    const newest = await getJson('/stories?limit=1');
    const top = newest.stories[0];
    if (top && top.last_date) {
      query.set('since', isoDaysAgo(Number(params.get('period')), top.last_date));
    }
  }
  const page = await getJson('/stories?' + query.toString());
  status.textContent = `${page.total} stories`;
  for (const s of page.stories) {
    list.append(el('li', {class: 'story-item'},
      el('a', {href: '#/story/' + encodeURIComponent(s.id), class: 'headline'},
         s.headline || '(untitled)'),
      el('div', {class: 'meta'},
        `${s.sources} sources · ${s.articles} articles · ${span(s.first_date, s.last_date)}`,
        s.languages.length ? ' · ' + s.languages.join(', ') : '')));
  }
  if (page.next_cursor) {
    const next = new URLSearchParams(params);
    next.set('cursor', page.next_cursor);
    list.after(el('a', {href: '#/?' + next.toString(), class: 'more'}, 'More stories →'));
  }
}

// ---- One story -------------------------------------------------------------

function section(title, id, ...children) {
  return el('section', {id}, el('h2', {}, title), ...children);
}

// Dots placed by date on one line, newest right; each dot names its entry.
function timelineStrip(entries) {
  const days = entries.map((e) => Date.parse(e.date + 'T00:00:00Z'));
  const min = Math.min(...days), max = Math.max(...days);
  const strip = el('div', {class: 'strip', 'aria-hidden': 'true'});
  entries.forEach((e, i) => {
    const left = max === min ? 50 : 100 * (days[i] - min) / (max - min);
    const dot = el('span', {class: 'dot', title: `${e.date}: ${e.text}`});
    dot.style.left = `${left.toFixed(2)}%`;  // CSSOM: allowed by the CSP
    strip.append(dot);
  });
  return strip;
}

function timelineSection(story) {
  if (!story.timeline.length) return null;
  const sorted = [...story.timeline].sort((a, b) => a.date.localeCompare(b.date));
  return section('Timeline', 'timeline', timelineStrip(sorted),
    el('ol', {class: 'timeline'}, sorted.map((e) =>
      el('li', {}, el('time', {}, e.date), ' ', e.text,
         el('span', {class: 'cites'}, ` (${e.articles.length} articles)`)))));
}

function sourcesSection(story, titleOf, sourceOf) {
  const copied = story.reuse.filter((p) => p.source);
  const rows = story.sources.map((s) => el('tr', {},
    el('td', {}, s.name || '(unknown)'), el('td', {}, s.articles.length),
    el('td', {}, s.first_seen || '')));
  return section('Sources', 'sources',
    el('table', {}, el('tr', {}, el('th', {}, 'Source'), el('th', {}, 'Articles'),
                        el('th', {}, 'First seen')), rows),
    copied.length ? el('h3', {}, 'Who copied whom') : null,
    el('ul', {class: 'copies'}, copied.map((p) => {
      const copy = p.source === p.a ? p.b : p.a;
      return el('li', {}, `${sourceOf(copy)} copied ${sourceOf(p.source)}`,
        ` (${p.kind}, ${Math.round(100 * p.jaccard)}% shared): `,
        el('q', {}, titleOf(copy)));
    })));
}

function reuseSection(story, titleOf, sourceOf) {
  if (!story.reuse.length) return null;
  return section('Reused passages', 'reuse', story.reuse.map((p) =>
    el('div', {class: 'pair'}, [[p.a, p.passage_a], [p.b, p.passage_b]].map(
      ([id, passage]) => el('div', {class: 'side'},
        el('div', {class: 'who'}, `${sourceOf(id)}: ${titleOf(id)}`),
        el('p', {}, el('mark', {}, passage.text)))))));
}

function quotesSection(story) {
  if (!story.quotes.length) return null;
  return section('Quotes', 'quotes', story.quotes.map((q) =>
    el('figure', {class: 'quote'},
      el('blockquote', {}, q.variants[0].text),
      el('figcaption', {}, q.speaker || 'unattributed',
         q.variants.length > 1 ? ` · quoted by ${q.variants.length} articles` : ''))));
}

function entitiesSection(story) {
  if (!story.entities.length) return null;
  return section('Entities', 'entities', el('ul', {class: 'chips'},
    story.entities.map((e) => el('li', {class: 'chip ' + e.kind, title: e.kind},
      e.name, el('small', {}, ` ${e.mentions}`)))));
}

function disagreementsSection(story, sourceOf) {
  if (!story.disagreements.length) return null;
  return section('Disagreements', 'disagreements', el('ul', {},
    story.disagreements.map((d) => el('li', {}, el('strong', {}, d.topic), ': ',
      d.claims.map((c, i) => [i ? '; ' : '', el('span', {class: 'claim'}, c.text),
                              ` (${sourceOf(c.article)})`])))));
}

async function renderStory(id) {
  show(el('p', {class: 'status'}, 'Loading…'));
  const story = await getJson('/stories/' + encodeURIComponent(id));
  const byId = new Map(story.articles.map((a) => [a.id, a]));
  const titleOf = (a) => (byId.get(a) && byId.get(a).title) || a;
  const sourceOf = (a) => (byId.get(a) && byId.get(a).source) || 'unknown source';
  show(el('article', {class: 'story', id: 'story'},
    el('h1', {id: 'headline'}, story.headline || '(untitled)'),
    el('p', {class: 'meta'}, `${story.sources.length} sources · ${story.articles.length} articles · ` +
       `${span(story.first_date, story.last_date)} · ${story.languages.join(', ')}`),
    section('Summary', 'summary', el('ol', {}, story.summary.map((s) =>
      el('li', {}, s.text, el('span', {class: 'cites'}, ` — ${sourceOf(s.article)}`))))),
    timelineSection(story),
    sourcesSection(story, titleOf, sourceOf),
    quotesSection(story),
    entitiesSection(story),
    disagreementsSection(story, sourceOf),
    reuseSection(story, titleOf, sourceOf),
    section('Articles', 'articles', el('ul', {}, story.articles.map((a) =>
      el('li', {}, a.url && /^https?:/.test(a.url)
        ? el('a', {href: a.url, rel: 'noopener noreferrer'}, a.title || a.id)
        : (a.title || a.id), el('span', {class: 'cites'}, ` — ${a.source || ''} ${a.date || ''}`)))))));
}

// ---- Routing ---------------------------------------------------------------

async function route() {
  const hash = location.hash || '#/';
  try {
    if (hash.startsWith('#/story/')) {
      await renderStory(decodeURIComponent(hash.slice('#/story/'.length)));
    } else {
      await renderList(new URLSearchParams(hash.split('?')[1] || ''));
    }
  } catch (error) {
    show(el('p', {class: 'error', id: 'error'}, String(error.message || error)));
  }
}

window.addEventListener('hashchange', route);
route();
