/* The playground's Telegram-like chat page. Plain JS, no build step. It talks to chat-server.ts:
 * a JSON API for actions and a server-sent event stream with the whole chat after each change.
 * Bot text is never put into innerHTML: HTML from the bot is parsed by a small tokenizer and
 * rebuilt with DOM calls, keeping only b/i/u/s/code/pre/a (http, https, tg and mailto links). */
/* global document, window, fetch, EventSource, URL, URLSearchParams, createImageBitmap, setTimeout, clearTimeout, sessionStorage, navigator */
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  const state = {
    userId: null,
    snapshot: null,
    events: null,
    /** reply keyboards (by message id) the person folded away, e.g. after a one-time press */
    foldedKeyboards: new Set(),
    keyboardOpen: true,
    seenAnswers: -1,
    pendingPhoto: null,
  };

  // ------------------------------------------------------------------ formatting

  const ALLOWED = { b: 'b', strong: 'b', i: 'i', em: 'i', u: 'u', ins: 'u', s: 's', strike: 's', del: 's', code: 'code', pre: 'pre', a: 'a' };
  const SAFE_URL = /^(https?:|tg:|mailto:)/i;

  function decodeEntities(s) {
    return s.replace(/&(lt|gt|amp|quot|#39|#\d+|#x[0-9a-f]+);/gi, (m, name) => {
      const n = name.toLowerCase();
      if (n === 'lt') return '<';
      if (n === 'gt') return '>';
      if (n === 'amp') return '&';
      if (n === 'quot') return '"';
      if (n === '#39') return "'";
      const code = n.startsWith('#x') ? parseInt(n.slice(2), 16) : parseInt(n.slice(1), 10);
      try {
        return String.fromCodePoint(code);
      } catch {
        return m;
      }
    });
  }

  function safeLink(href) {
    const a = el('a');
    if (href && SAFE_URL.test(href.trim())) {
      a.href = href.trim();
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }
    return a;
  }

  /** Telegram-style HTML -> DOM nodes, with every other tag reduced to its text. */
  function renderHtml(source, into) {
    const stack = [{ tag: null, node: into }];
    const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|(<)/g;
    let m;
    while ((m = re.exec(source))) {
      const top = stack[stack.length - 1].node;
      if (m[4] !== undefined || m[5] !== undefined) {
        top.appendChild(document.createTextNode(decodeEntities(m[4] !== undefined ? m[4] : m[5])));
        continue;
      }
      const closing = m[1] === '/';
      const name = m[2].toLowerCase();
      const tag = ALLOWED[name];
      if (!tag) continue; // unknown or unsafe tag: dropped, its text stays
      if (closing) {
        for (let i = stack.length - 1; i > 0; i--) {
          if (stack[i].tag === tag) {
            stack.length = i;
            break;
          }
        }
        continue;
      }
      let node;
      if (tag === 'a') {
        const href = /\bhref\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[3]);
        node = safeLink(href ? decodeEntities(href[2] || href[3] || href[4] || '') : '');
      } else {
        node = el(tag);
      }
      top.appendChild(node);
      stack.push({ tag, node });
    }
  }

  const ENTITY_TAG = { bold: 'b', italic: 'i', underline: 'u', strikethrough: 's', code: 'code', pre: 'pre' };

  /** Plain text with Bot API entities (offsets in UTF-16 units, as JS strings are). */
  function renderEntities(text, entities, into) {
    const usable = (entities || []).filter((e) => ENTITY_TAG[e.type] || e.type === 'text_link' || e.type === 'url');
    if (!usable.length) {
      into.appendChild(document.createTextNode(text));
      return;
    }
    const cuts = new Set([0, text.length]);
    for (const e of usable) {
      cuts.add(e.offset);
      cuts.add(e.offset + e.length);
    }
    const points = [...cuts].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
    for (let i = 0; i < points.length - 1; i++) {
      const from = points[i];
      const to = points[i + 1];
      let node = document.createTextNode(text.slice(from, to));
      for (const e of usable) {
        if (e.offset > from || e.offset + e.length < to) continue;
        let wrap;
        if (e.type === 'text_link') wrap = safeLink(e.url);
        else if (e.type === 'url') wrap = safeLink(text.slice(e.offset, e.offset + e.length));
        else wrap = el(ENTITY_TAG[e.type]);
        wrap.appendChild(node);
        node = wrap;
      }
      into.appendChild(node);
    }
  }

  /** The common part of MarkdownV2/Markdown: *bold* _italic_ __underline__ ~strike~ `code` ```pre``` [text](url). */
  function renderMarkdown(text, into) {
    const re = /\\([\s\S])|```(?:[a-z0-9]*\n)?([\s\S]*?)```|`([^`]+)`|\[([^\]]+)\]\(([^)]+)\)|__([^_]+)__|\*([^*]+)\*|_([^_]+)_|~([^~]+)~|([^\\`[_*~]+|[\s\S])/g;
    let m;
    const add = (tag, inner) => {
      const n = el(tag);
      renderMarkdown(inner, n);
      into.appendChild(n);
    };
    while ((m = re.exec(text))) {
      if (m[1] !== undefined) into.appendChild(document.createTextNode(m[1]));
      else if (m[2] !== undefined) into.appendChild(el('pre', '', m[2]));
      else if (m[3] !== undefined) into.appendChild(el('code', '', m[3]));
      else if (m[4] !== undefined) {
        const a = safeLink(m[5].replace(/\\(.)/g, '$1'));
        renderMarkdown(m[4], a);
        into.appendChild(a);
      } else if (m[6] !== undefined) add('u', m[6]);
      else if (m[7] !== undefined) add('b', m[7]);
      else if (m[8] !== undefined) add('i', m[8]);
      else if (m[9] !== undefined) add('s', m[9]);
      else into.appendChild(document.createTextNode(m[10]));
    }
  }

  function formatted(body, item) {
    const div = el('div', 'text');
    const mode = (item.parseMode || '').toLowerCase();
    if (item.from === 'bot' && mode === 'html') renderHtml(body, div);
    else if (item.from === 'bot' && (mode === 'markdownv2' || mode === 'markdown')) renderMarkdown(body, div);
    else if (item.from === 'bot') renderEntities(body, item.entities, div);
    else div.textContent = body;
    return div;
  }

  // ------------------------------------------------------------------ rendering

  // SVG icons rather than emoji: a bare Linux box (or a headless browser) may have no emoji font.
  const ICONS = {
    pin: 'M12 2C8.13 2 5 5.13 5 9c0 5.25 7 13 7 13s7-7.75 7-13c0-3.87-3.13-7-7-7zm0 9.5a2.5 2.5 0 0 1 0-5 2.5 2.5 0 0 1 0 5z',
    phone: 'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2c.3-.3.7-.4 1-.2 1.1.4 2.3.6 3.6.6.6 0 1 .4 1 1V20c0 .6-.4 1-1 1A17 17 0 0 1 3 4c0-.6.4-1 1-1h3.5c.6 0 1 .4 1 1 0 1.3.2 2.5.6 3.6.1.3 0 .7-.2 1z',
    file: 'M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8zm-1 7V3.5L18.5 9z',
    music: 'M12 3v10.6A4 4 0 1 0 14 17V7h4V3z',
    play: 'M8 5v14l11-7z',
    clock: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16zm.5-13H11v6l5.2 3.2.8-1.3-4.5-2.7z',
  };
  function icon(name, cls) {
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('class', `icon ${cls || ''}`);
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(NS, 'path');
    path.setAttribute('d', ICONS[name]);
    svg.appendChild(path);
    return svg;
  }

  const pad = (n) => String(n).padStart(2, '0');
  const timeOf = (unix) => {
    const d = new Date(unix * 1000);
    return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  };
  const dayOf = (unix) => {
    const d = new Date(unix * 1000);
    const today = new Date();
    if (d.toDateString() === today.toDateString()) return 'Today';
    return d.toLocaleDateString(undefined, { day: 'numeric', month: 'long' });
  };

  function meta(item) {
    const m = el('span', 'meta');
    if (item.edited) m.appendChild(el('span', 'edited', 'edited'));
    m.appendChild(document.createTextNode(timeOf(item.date)));
    if (item.from === 'me') {
      const ticks = item.status === 'failed' ? el('span', 'ticks failed', '!') : el('span', `ticks ${item.status}`, item.status === 'sending' ? '' : '✓✓');
      if (item.status === 'sending') ticks.appendChild(icon('clock'));
      ticks.title = item.status === 'failed' ? `Not delivered: ${item.error || ''}` : item.status === 'sending' ? 'Sending…' : 'Delivered';
      m.appendChild(ticks);
    }
    return m;
  }

  function bubble(item) {
    const b = el('div', 'bubble');
    b.dataset.key = item.key;
    const body = item.text !== undefined ? item.text : item.caption;
    const hasMedia = item.photo || item.location;
    if (item.photo) {
      const wrap = el('div', 'photo-wrap');
      const img = el('img');
      img.alt = 'Photo';
      img.loading = 'lazy';
      img.src = item.photo.url;
      if (item.photo.width && item.photo.height) {
        img.width = item.photo.width;
        img.height = item.photo.height;
      }
      wrap.appendChild(img);
      b.appendChild(wrap);
    }
    if (item.location) {
      const { latitude, longitude } = item.location;
      const a = el('a', 'location-card');
      a.href = `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=15/${latitude}/${longitude}`;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.appendChild(icon('pin', 'pin'));
      a.appendChild(el('span', 'coords', `${latitude.toFixed(5)}, ${longitude.toFixed(5)}`));
      b.appendChild(a);
    }
    if (item.file) {
      const chip = el(item.file.url ? 'a' : 'div', 'file-chip');
      if (item.file.url) {
        chip.href = item.file.url;
        chip.target = '_blank';
        chip.rel = 'noopener';
      }
      const fileIcon = el('span', 'file-icon');
      fileIcon.appendChild(icon(item.file.kind === 'voice' || item.file.kind === 'audio' ? 'music' : item.file.kind === 'video' ? 'play' : 'file'));
      chip.appendChild(fileIcon);
      const info = el('span');
      info.appendChild(el('div', 'file-name', item.file.name));
      info.appendChild(el('div', 'file-kind', item.file.kind));
      chip.appendChild(info);
      b.appendChild(chip);
    }
    if (item.contact) {
      const card = el('div', 'contact-card');
      card.appendChild(el('span', 'avatar', (item.contact.name || '?').slice(0, 1).toUpperCase()));
      const info = el('span');
      info.appendChild(el('div', 'contact-name', item.contact.name));
      info.appendChild(el('div', 'contact-phone', item.contact.phone));
      card.appendChild(info);
      b.appendChild(card);
    }
    if (body !== undefined && body !== '') {
      const t = formatted(body, item);
      t.appendChild(meta(item));
      b.appendChild(t);
    } else {
      if (hasMedia) b.classList.add('media-only');
      b.appendChild(meta(item));
    }
    if (item.status === 'failed' && item.error) b.appendChild(el('div', 'error-line', `Not delivered: ${item.error}`));
    return b;
  }

  function inlineKeyboard(rows) {
    const kb = el('div', 'inline-kb');
    for (const row of rows) {
      const r = el('div', 'kb-row');
      for (const btn of row) {
        if (btn.url) {
          const a = safeLink(btn.url);
          a.textContent = btn.text;
          r.appendChild(a);
          continue;
        }
        const b = el('button', '', btn.text);
        b.type = 'button';
        if (btn.data === undefined) b.disabled = true;
        else b.addEventListener('click', () => pressInline(b, btn.data));
        r.appendChild(b);
      }
      kb.appendChild(r);
    }
    return kb;
  }

  /**
   * Rows on screen by item key, with what each was drawn from. An unchanged row stays the same
   * element, so a tap whose finger is down while the chat changes still lands on its button (a
   * redrawn button loses the click between press and release).
   */
  let drawn = new Map();

  function renderMessages(snap) {
    const box = $('messages');
    const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 120;
    const shown = new Map();
    const reuse = (wanted, sig, make) => {
      // A day shown twice (dates out of order) is two separators: one element cannot be in two places.
      const key = shown.has(wanted) ? `${wanted}#${shown.size}` : wanted;
      const old = drawn.get(key);
      const node = old && old.sig === sig ? old.node : make();
      shown.set(key, { sig, node });
      return node;
    };
    const nodes = [];
    if (!snap.items.length) nodes.push(reuse('hint', $('bot-name').textContent, emptyHint));
    let lastDay = '';
    snap.items.forEach((item, i) => {
      const day = dayOf(item.date);
      if (day !== lastDay) {
        nodes.push(reuse(`day:${day}`, day, () => el('div', 'day', day)));
        lastDay = day;
      }
      const prev = snap.items[i - 1];
      const next = snap.items[i + 1];
      const same = Boolean(prev && prev.from === item.from);
      const tail = !next || next.from !== item.from || Boolean(item.inlineKeyboard);
      nodes.push(reuse(`${snap.user.id}:${item.key}`, JSON.stringify([item, same, tail]), () => messageRow(item, same, tail)));
    });
    drawn = shown;
    placeInOrder(box, nodes);
    if (nearBottom || state.forceScroll) {
      box.scrollTop = box.scrollHeight;
      state.forceScroll = false;
    }
  }

  function emptyHint() {
    const hint = el('div', 'empty-hint');
    hint.appendChild(el('div', '', `${$('bot-name').textContent}`));
    hint.appendChild(el('div', '', 'Tap START below to begin.'));
    return hint;
  }

  function messageRow(item, same, tail) {
    const row = el('div', `row ${item.from}`);
    row.dataset.from = item.from;
    if (same) row.classList.add('same');
    if (tail) row.classList.add('tail');
    row.appendChild(bubble(item));
    if (item.inlineKeyboard) row.appendChild(inlineKeyboard(item.inlineKeyboard));
    return row;
  }

  /**
   * Makes `nodes` the box's children in order: what went is removed first, so that the rows that
   * stay are never moved (a moved button loses a tap too), and only new rows are inserted.
   */
  function placeInOrder(box, nodes) {
    const wanted = new Set(nodes);
    for (const child of Array.from(box.children)) if (!wanted.has(child)) child.remove();
    nodes.forEach((node, i) => {
      if (box.children[i] !== node) box.insertBefore(node, box.children[i] || null);
    });
  }

  /** What each panel was last drawn from: a panel redrawn only when that changes keeps a tap in progress. */
  const drawnFrom = new WeakMap();

  function redrawIfChanged(panel, sig, fill) {
    if (drawnFrom.get(panel) === sig) return;
    drawnFrom.set(panel, sig);
    panel.replaceChildren();
    fill();
  }

  function renderReplyKeyboard(snap) {
    const panel = $('reply-keyboard');
    const toggle = $('kb-toggle');
    const kb = snap.replyKeyboard;
    if (!kb) {
      redrawIfChanged(panel, '', () => undefined);
      panel.hidden = true;
      toggle.hidden = true;
      return;
    }
    toggle.hidden = false;
    const open = state.keyboardOpen && !state.foldedKeyboards.has(kb.messageId);
    panel.hidden = !open;
    toggle.classList.toggle('active', open);
    redrawIfChanged(panel, JSON.stringify(kb), () => replyKeyboardRows(panel, kb));
  }

  function replyKeyboardRows(panel, kb) {
    for (const row of kb.rows) {
      const r = el('div', 'kb-row');
      for (const btn of row) {
        const b = el('button');
        b.type = 'button';
        if (btn.kind === 'contact') b.appendChild(icon('phone', 'kb-icon'));
        if (btn.kind === 'location') b.appendChild(icon('pin', 'kb-icon'));
        b.appendChild(document.createTextNode(btn.text));
        b.dataset.kind = btn.kind;
        b.addEventListener('click', () => pressReplyButton(kb, btn));
        r.appendChild(b);
      }
      panel.appendChild(r);
    }
  }

  function renderCommands(snap) {
    const list = snap.commands || [];
    $('menu-btn').hidden = list.length === 0;
    const menu = $('commands-menu');
    redrawIfChanged(menu, JSON.stringify(list), () => commandItems(menu, list));
  }

  function commandItems(menu, list) {
    for (const c of list) {
      const b = el('button');
      b.type = 'button';
      b.setAttribute('role', 'menuitem');
      b.appendChild(el('span', 'cmd', `/${c.command}`));
      b.appendChild(el('span', 'desc', c.description));
      b.addEventListener('click', () => {
        closeSheets();
        act(post('text', { text: `/${c.command}` }));
      });
      menu.appendChild(b);
    }
  }

  const ACTIONS = { typing: 'typing…', upload_photo: 'sending a photo…', upload_document: 'sending a file…', record_voice: 'recording voice…', upload_voice: 'sending voice…', choose_sticker: 'choosing a sticker…', find_location: 'finding location…' };

  function render(snap) {
    state.snapshot = snap;
    renderCommands(snap);
    const status = $('bot-status');
    status.textContent = snap.action ? ACTIONS[snap.action] || `${snap.action.replace(/_/g, ' ')}…` : 'bot';
    status.classList.toggle('busy', Boolean(snap.action));
    $('me-label').textContent = `${snap.user.firstName} · ${snap.user.languageCode === 'sw' ? 'Kiswahili' : 'English'}`;
    renderMessages(snap);
    renderReplyKeyboard(snap);
    $('input').placeholder = snap.placeholder || 'Message';
    const fresh = snap.items.length === 0;
    $('start-bar').hidden = !fresh;
    $('composer').hidden = fresh;
    // Callback answers: show the ones that arrived since the page last looked.
    const answers = snap.callbackAnswers || [];
    if (state.seenAnswers >= 0) {
      for (const a of answers.slice(state.seenAnswers)) {
        if (!a.text) continue;
        if (a.showAlert) showAlert(a.text);
        else toast(a.text);
      }
    }
    state.seenAnswers = answers.length;
  }

  // ------------------------------------------------------------------ popups

  let toastTimer = null;
  function toast(text, kind) {
    const t = $('toast');
    t.textContent = text;
    t.className = `toast${kind === 'error' ? ' error' : ''}`;
    t.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => {
      t.hidden = true;
    }, kind === 'error' ? 6000 : 2500);
  }

  function openSheet(id) {
    closeSheets();
    $('backdrop').hidden = false;
    $(id).hidden = false;
  }
  function closeSheets() {
    for (const s of document.querySelectorAll('.sheet')) s.hidden = true;
    $('backdrop').hidden = true;
    $('attach-menu').hidden = true;
    $('commands-menu').hidden = true;
  }
  function showAlert(text) {
    $('alert-text').textContent = text;
    openSheet('alert-sheet');
  }

  // ------------------------------------------------------------------ API

  async function api(path, opts = {}) {
    const res = await fetch(path, opts);
    const body = await res.json().catch(() => null);
    if (!res.ok) {
      const err = new Error((body && body.error) || `HTTP ${res.status}`);
      err.status = res.status;
      throw err;
    }
    return body;
  }

  function post(action, body) {
    return api(`/api/users/${state.userId}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  /** Fire an action; the event stream shows its effect. Errors surface as a red toast. */
  function act(promise) {
    state.forceScroll = true;
    return promise.catch((err) => {
      toast(err.message, 'error');
    });
  }

  function pressInline(button, data) {
    button.classList.add('busy');
    act(post('press', { data })).finally(() => button.classList.remove('busy'));
  }

  function pressReplyButton(kb, btn) {
    if (btn.kind === 'contact') {
      $('contact-phone').value = state.snapshot.user.phone;
      openSheet('contact-sheet');
      return;
    }
    if (btn.kind === 'location') {
      openSheet('location-sheet');
      return;
    }
    if (kb.oneTime) state.foldedKeyboards.add(kb.messageId);
    act(post('keyboard', { text: btn.text }));
  }

  function sendText() {
    const input = $('input');
    const text = input.value;
    if (!text.trim()) return;
    input.value = '';
    autosize();
    act(post('text', { text }));
  }

  // ------------------------------------------------------------------ session and live updates

  function connect(userId) {
    if (state.events) state.events.close();
    state.userId = userId;
    state.seenAnswers = -1;
    state.foldedKeyboards.clear();
    state.forceScroll = true;
    const es = new EventSource(`/api/users/${userId}/events`);
    state.events = es;
    es.addEventListener('chat', (e) => render(JSON.parse(e.data)));
    es.onerror = () => {
      // The browser reconnects by itself; if the chat is gone (playground restarted), start over.
      api(`/api/users/${userId}/chat`).catch((err) => {
        if (err.status === 404 && state.userId === userId) {
          es.close();
          showSetup('That chat no longer exists (the playground was restarted). Start a new one.');
        }
      });
    };
  }

  function showChat(userId) {
    $('setup').hidden = true;
    $('chat').hidden = false;
    window.location.hash = `chat=${userId}`;
    connect(userId);
    $('input').focus();
  }

  function showSetup(message) {
    if (state.events) state.events.close();
    state.events = null;
    state.userId = null;
    closeSheets();
    $('chat').hidden = true;
    $('setup').hidden = false;
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
    const err = $('setup-error');
    err.textContent = message || '';
    err.hidden = !message;
    $('setup-name').focus();
  }

  async function createUser(e) {
    e.preventDefault();
    const form = $('setup-form');
    const data = new window.FormData(form);
    const btn = $('setup-start');
    btn.disabled = true;
    try {
      const { id } = await api('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ firstName: String(data.get('firstName') || ''), languageCode: String(data.get('languageCode') || 'en'), phone: String(data.get('phone') || '') }),
      });
      try {
        sessionStorage.setItem('playground-name', String(data.get('firstName') || ''));
      } catch {
        // private mode: fine
      }
      showChat(id);
    } catch (err) {
      $('setup-error').textContent = err.message;
      $('setup-error').hidden = false;
    } finally {
      btn.disabled = false;
    }
  }

  // ------------------------------------------------------------------ attachments

  /** Telegram re-encodes photos as JPEG (longest side at most 2560 px); so does the page. */
  async function toJpeg(file) {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, 2560 / Math.max(bitmap.width, bitmap.height));
    const w = Math.max(1, Math.round(bitmap.width * scale));
    const h = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = el('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    ctx.drawImage(bitmap, 0, 0, w, h);
    const blob = await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('could not encode the photo'))), 'image/jpeg', 0.9));
    return { blob, width: w, height: h };
  }

  async function choosePhoto(file) {
    if (!file) return;
    try {
      const jpeg = await toJpeg(file);
      if (state.pendingPhoto) URL.revokeObjectURL(state.pendingPhoto.preview);
      state.pendingPhoto = { ...jpeg, preview: URL.createObjectURL(jpeg.blob) };
      $('photo-preview').src = state.pendingPhoto.preview;
      $('photo-caption').value = '';
      openSheet('photo-sheet');
      $('photo-caption').focus();
    } catch (err) {
      toast(`That file is not a picture the browser can read (${err.message}). Send it as a file instead.`, 'error');
    }
  }

  function sendPhoto() {
    const p = state.pendingPhoto;
    if (!p) return;
    const caption = $('photo-caption').value;
    closeSheets();
    const q = new URLSearchParams({ width: String(p.width), height: String(p.height) });
    if (caption) q.set('caption', caption);
    act(api(`/api/users/${state.userId}/photo?${q}`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: p.blob }));
    state.pendingPhoto = null;
  }

  function sendFile(file) {
    if (!file) return;
    const q = new URLSearchParams({ name: file.name || 'file' });
    act(api(`/api/users/${state.userId}/document?${q}`, { method: 'POST', headers: { 'content-type': file.type || 'application/octet-stream' }, body: file }));
  }

  const PLACES = [
    ['Nairobi CBD', -1.28638, 36.81724],
    ['Mombasa', -4.04352, 39.66821],
    ['Kisumu', -0.09170, 34.76800],
    ['Nakuru', -0.30310, 36.08000],
    ['Eldoret', 0.51430, 35.26980],
    ['Garissa', -0.45320, 39.64610],
  ];

  function setupPlaces() {
    const box = $('places');
    for (const [name, lat, lon] of PLACES) {
      const b = el('button', '', name);
      b.type = 'button';
      b.addEventListener('click', () => {
        for (const o of box.querySelectorAll('button')) o.classList.remove('selected');
        b.classList.add('selected');
        $('loc-lat').value = String(lat);
        $('loc-lon').value = String(lon);
      });
      box.appendChild(b);
    }
    if (navigator.geolocation && window.isSecureContext) {
      const here = el('button', '', 'Where I am');
      here.type = 'button';
      here.addEventListener('click', () =>
        navigator.geolocation.getCurrentPosition(
          (pos) => {
            $('loc-lat').value = pos.coords.latitude.toFixed(6);
            $('loc-lon').value = pos.coords.longitude.toFixed(6);
          },
          (err) => toast(err.message, 'error'),
        ),
      );
      box.appendChild(here);
    }
  }

  function sendLocation() {
    const latitude = Number($('loc-lat').value);
    const longitude = Number($('loc-lon').value);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      toast('Latitude must be between -90 and 90, longitude between -180 and 180.', 'error');
      return;
    }
    closeSheets();
    act(post('location', { latitude, longitude }));
  }

  function sendContact() {
    const phone = $('contact-phone').value.trim();
    closeSheets();
    act(post('contact', { phone }));
  }

  // ------------------------------------------------------------------ wiring

  function autosize() {
    const input = $('input');
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 132)}px`;
  }

  function init() {
    $('setup-form').addEventListener('submit', createUser);
    $('composer').addEventListener('submit', (e) => {
      e.preventDefault();
      sendText();
    });
    $('input').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        sendText();
      }
    });
    $('input').addEventListener('input', autosize);
    $('start-btn').addEventListener('click', () => act(post('text', { text: '/start' })));
    $('back').addEventListener('click', () => showSetup());
    $('kb-toggle').addEventListener('click', () => {
      const kb = state.snapshot && state.snapshot.replyKeyboard;
      if (!kb) return;
      const open = !$('reply-keyboard').hidden;
      if (open) {
        state.keyboardOpen = false;
      } else {
        state.keyboardOpen = true;
        state.foldedKeyboards.delete(kb.messageId);
      }
      renderReplyKeyboard(state.snapshot);
    });
    $('attach').addEventListener('click', (e) => {
      e.stopPropagation();
      $('commands-menu').hidden = true;
      $('attach-menu').hidden = !$('attach-menu').hidden;
    });
    $('menu-btn').addEventListener('click', (e) => {
      e.stopPropagation();
      $('attach-menu').hidden = true;
      $('commands-menu').hidden = !$('commands-menu').hidden;
    });
    document.addEventListener('click', (e) => {
      for (const id of ['attach-menu', 'commands-menu']) {
        if (!$(id).hidden && !$(id).contains(e.target)) $(id).hidden = true;
      }
    });
    $('attach-photo').addEventListener('click', () => {
      closeSheets();
      $('photo-input').click();
    });
    $('attach-file').addEventListener('click', () => {
      closeSheets();
      $('file-input').click();
    });
    $('attach-location').addEventListener('click', () => openSheet('location-sheet'));
    $('attach-contact').addEventListener('click', () => {
      $('contact-phone').value = state.snapshot ? state.snapshot.user.phone : '';
      openSheet('contact-sheet');
    });
    $('photo-input').addEventListener('change', (e) => {
      const f = e.target.files && e.target.files[0];
      e.target.value = '';
      void choosePhoto(f);
    });
    $('file-input').addEventListener('change', (e) => {
      const f = e.target.files && e.target.files[0];
      e.target.value = '';
      sendFile(f);
    });
    $('photo-send').addEventListener('click', sendPhoto);
    $('photo-caption').addEventListener('keydown', (e) => {
      if (e.key === 'Enter') sendPhoto();
    });
    $('loc-send').addEventListener('click', sendLocation);
    $('contact-send').addEventListener('click', sendContact);
    $('backdrop').addEventListener('click', closeSheets);
    for (const b of document.querySelectorAll('[data-close]')) b.addEventListener('click', closeSheets);
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') closeSheets();
    });
    setupPlaces();

    try {
      const name = sessionStorage.getItem('playground-name');
      if (name) $('setup-name').value = name;
    } catch {
      // ignore
    }
    api('/api/bot')
      .then((bot) => {
        $('bot-name').textContent = bot.name;
        $('setup-bot-name').textContent = bot.name;
        $('bot-avatar').textContent = (bot.name || 'B').slice(0, 1).toUpperCase();
        document.title = `${bot.name} · playground`;
      })
      .catch(() => undefined);

    window.addEventListener('hashchange', route);
    route();
  }

  /** `#chat=<id>` opens that person's chat (reload-proof, and one tab per person if you like). */
  function route() {
    const m = /^#chat=(\d+)$/.exec(window.location.hash);
    if (m && Number(m[1]) === state.userId) return;
    if (m) {
      api(`/api/users/${m[1]}/chat`).then(
        () => showChat(Number(m[1])),
        () => showSetup('That chat no longer exists (the playground was restarted). Start a new one.'),
      );
    } else if (!state.userId || !$('chat').hidden) {
      showSetup();
    }
  }

  init();
})();
