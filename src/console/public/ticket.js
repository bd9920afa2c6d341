// Ticket page: forms that post without leaving the page, drafts kept per ticket, and live updates
// that never move focus or scroll the agent did not ask for. Without JavaScript every form still
// posts and reloads the page.
(function () {
  'use strict';
  var R = window.ripoti;
  // The statuses that close a ticket (resolved, rejected_*): final for the reporter.
  var CLOSING = /^(resolved|rejected_)/;
  var ticket = document.getElementById('ticket');
  var convo = document.getElementById('conversation');
  var activity = document.getElementById('activity');
  if (!ticket || !convo) return;
  var ticketId = ticket.getAttribute('data-id');
  var newMsg = document.getElementById('new-message');
  var changed = document.getElementById('changed');

  // ---- Drafts: unsent text survives a reload, a status change or a lost connection (this tab only).
  function draftKey(el) { return draftKeyOf(el.id); }
  function draftKeyOf(id) { return 'ripoti:draft:' + ticketId + ':' + id; }
  function store(fn) { try { return fn(window.sessionStorage); } catch (e) { return null; } }
  function restoreDrafts(root) {
    Array.prototype.forEach.call(root.querySelectorAll('[data-draft]'), function (el) {
      var saved = store(function (s) { return s.getItem(draftKey(el)); });
      if (saved && !el.value) el.value = saved;
    });
  }
  document.addEventListener('input', function (ev) {
    var el = ev.target;
    if (!el.hasAttribute || !el.hasAttribute('data-draft') || !el.id) return;
    store(function (s) { if (el.value) s.setItem(draftKey(el), el.value); else s.removeItem(draftKey(el)); });
  });
  // ---- Hand-over: a closed list on a phone cuts the chosen person's count; it is said whole under it.
  document.addEventListener('change', function (ev) {
    var el = ev.target;
    if (!el.form || el.form.id !== 'handover-form' || el.name !== 'to') return;
    var load = document.getElementById('hand-over-load');
    var chosen = el.options[el.selectedIndex];
    var text = chosen ? chosen.getAttribute('data-load') : '';
    if (!load) return;
    load.textContent = text || '';
    load.hidden = !text;
  });
  // ---- "Tick all" the reports offered to join: in place (without JavaScript the link opens the page ticked).
  function joinBoxes() { return Array.prototype.slice.call(document.querySelectorAll('#join-form input[name=member]')); }
  function sayTickAll(link) {
    var all = joinBoxes().every(function (b) { return b.checked; });
    link.textContent = link.getAttribute(all ? 'data-untick' : 'data-tick');
  }
  document.addEventListener('click', function (ev) {
    var link = ev.target.closest && ev.target.closest('#tick-all');
    if (!link) return;
    ev.preventDefault();
    var boxes = joinBoxes();
    var tick = !boxes.every(function (b) { return b.checked; });
    boxes.forEach(function (b) { b.checked = tick; });
    sayTickAll(link);
  });
  document.addEventListener('change', function (ev) {
    var link = document.getElementById('tick-all');
    if (link && ev.target.form && ev.target.form.id === 'join-form') sayTickAll(link);
  });
  function clearForm(form) {
    Array.prototype.forEach.call(form.querySelectorAll('textarea, input:not([type=hidden]), select'), function (el) {
      if (el.tagName === 'SELECT') el.selectedIndex = 0; else if (el.type === 'radio') el.checked = false; else el.value = '';
      if (el.id) store(function (s) { s.removeItem(draftKey(el)); });
    });
    if (form.id === 'reply-form') newReplyKey();
  }
  // ---- The reply's key: one per draft, kept with it, so Send pressed again after a lost answer
  // (or a reload) is the same reply, stored and sent once; a new key once it went.
  var replyKeyInput = document.getElementById('reply-key');
  function randomKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function newReplyKey() {
    if (!replyKeyInput) return;
    replyKeyInput.value = randomKey();
    store(function (s) { s.setItem(draftKey(replyKeyInput), replyKeyInput.value); });
  }
  if (replyKeyInput) {
    var savedKey = store(function (s) { return s.getItem(draftKey(replyKeyInput)); });
    if (savedKey) replyKeyInput.value = savedKey; else newReplyKey();
  }
  // "Answer every reporter" posts and reloads the page: once it went, its drafts and key go too.
  // Until then its key is kept with the drafts, so the texts sent again after a lost answer (a
  // reload, then Send) are the same answer, not a second copy to every reporter.
  // Once: console.js takes the banner out of the address, so a reload (or a tab brought back) does
  // not clear the next answer, being written now.
  var ALL_DRAFTS = ['reply-all-en', 'reply-all-sw', 'reply-all-key'];
  function forgetAllDrafts() {
    ALL_DRAFTS.forEach(function (id) { store(function (s) { s.removeItem(draftKeyOf(id)); }); });
  }
  if (R.flash === 'incident_replied' || R.flash === 'incident_replied_some') forgetAllDrafts();
  // Back here with a release, "Close every report" or a split still marked (see below; console.js lets the text go
  // when this page says the split was done): it was not done, so what was typed stays.
  store(function (s) { var v = JSON.parse(s.getItem(R.LET_GO) || 'null'); if (v && v.ticket === ticketId) s.removeItem(R.LET_GO); });
  // The page's key, kept with the drafts: the one kept wins over the one a render (or a redraw) brings.
  function keepAllKey() {
    var allKey = document.getElementById('reply-all-key');
    if (!allKey) return;
    var keptAll = store(function (s) { return s.getItem(draftKey(allKey)); });
    if (keptAll) allKey.value = keptAll; else store(function (s) { s.setItem(draftKey(allKey), allKey.value); });
  }
  keepAllKey();
  restoreDrafts(document);

  // ---- Focus: remember where it is by form and field, so a redrawn part gets it back.
  function focusSpot() {
    var el = document.activeElement;
    if (!el || el === document.body) return null;
    if (el.id) return { id: el.id };
    var form = el.form || (el.closest && el.closest('form'));
    if (form && form.id) return { form: form.id, index: Array.prototype.indexOf.call(form.elements, el) };
    return null;
  }
  function restoreFocus(spot, fallback) {
    if (!spot || (document.activeElement && document.activeElement !== document.body)) return;
    var el = spot.id ? document.getElementById(spot.id) : null;
    if (!el && spot.form) { var f = document.getElementById(spot.form); el = f && f.elements[spot.index]; }
    if (!el && fallback) { fallback.setAttribute('tabindex', '-1'); el = fallback; }
    if (el) el.focus({ preventScroll: true });
  }

  // ---- Server-rendered parts changed in place (R.morph), keeping what the agent was doing in them:
  // a choice made in a list (a rebuilt "Refer to" went back to the usual agency, and Refer sent
  // the case there), typed text, focus, a click in flight.
  function swap(id, doc) {
    var now = document.getElementById(id);
    var next = doc.getElementById(id);
    // A part the policy no longer offers (no actions on a closed ticket) goes; focus goes to the new status.
    if (now && !next) {
      var had = now.contains(document.activeElement);
      now.remove();
      if (had) restoreFocus({}, document.getElementById('badges'));
      return;
    }
    if (!now || !next) return;
    if (now.innerHTML === next.innerHTML) return;
    var spot = focusSpot();
    R.morph(now, next);
    restoreDrafts(now);
    restoreFocus(spot, now);
  }
  // ---- A supervisor's actions lead (a column before the conversation) while Refer is offered, and
  // stand under the conversation otherwise (ticket.eta's leadRefer): when Refer comes or goes live
  // the card moves where a reload puts it; it kept its old column until a reload.
  function placeActions(doc) {
    var grid = document.querySelector('.ticket-grid');
    var nextGrid = doc.querySelector('.ticket-grid');
    var actions = document.getElementById('actions');
    if (!grid || !nextGrid || !actions) return;
    var lead = nextGrid.classList.contains('lead');
    var col = grid.querySelector('.col-lead');
    var side = grid.querySelector('.col-side');
    if (lead && !col) {
      col = document.createElement('div');
      col.className = 'col-lead';
      grid.insertBefore(col, grid.querySelector('.col-convo'));
    }
    var home = lead ? col : side;
    if (home && actions.parentNode !== home) {
      // Moving a node takes focus out of it: given back where it was.
      var spot = focusSpot();
      home.insertBefore(actions, home.firstChild);
      restoreFocus(spot, actions);
    }
    if (!lead && col && !col.children.length) col.remove();
    grid.classList.toggle('lead', lead);
  }
  // ---- A ticket taken away (released or joined elsewhere by a supervisor) or closed while the page
  // is open: its forms stop at once, with what was typed left in place to copy, instead of the
  // agent finding out only when Send is refused.
  function stopForm(form, why) {
    if (form.hasAttribute('data-stopped')) return;
    form.setAttribute('data-stopped', '');
    Array.prototype.forEach.call(form.querySelectorAll('button'), function (b) { b.disabled = true; });
    var error = form.querySelector('.form-error');
    if (why && error) { error.textContent = why; error.hidden = false; }
  }
  function lose() {
    var banner = document.getElementById('lost');
    if (!banner || !banner.hidden) return;
    banner.hidden = false;
    changed.hidden = true;
    Array.prototype.forEach.call(document.querySelectorAll('.ticket-grid form'), function (f) { stopForm(f); });
    R.announce(banner.textContent.trim(), true);
  }
  var inflight = Promise.resolve();
  // Status, priority and the forms the policy offers come from the page itself.
  function syncHead(fromOthers) {
    return fetch(window.location.pathname, { credentials: 'same-origin', headers: { accept: 'text/html', 'x-requested-with': 'fetch', 'x-ripoti-refresh': '1', 'x-ripoti-lang': R.pageLang } }).then(function (res) {
      if (R.signedOut(res)) { R.toSignIn(); return; }
      if (res.status === 403 || res.status === 404) { lose(); return; }
      if (!res.ok) return;
      return res.text().then(function (html) { return R.afterPress(function () { swapHead(html, fromOthers); }); });
    }).catch(function () { /* offline: the reconnect catches up */ });
  }
  // What the badges say someone did. The reporter's reach ([data-reach]) is no one's change: it
  // follows deliveries, and most often appears when the agent's own reply is refused.
  function doneBySomeone(badges) {
    if (!badges) return '';
    var copy = badges.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll('[data-reach]'), function (el) { el.remove(); });
    return copy.textContent;
  }
  function swapHead(html, fromOthers) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var badges = document.getElementById('badges');
    var before = doneBySomeone(badges);
    var reachBefore = !!(badges && badges.querySelector('[data-reach]'));
    swap('badges', doc);
    swap('actions', doc);
    placeActions(doc);
    swap('since', doc);
    // Who holds it (a hand-over), and the incident card (a closed member loses "answer every reporter").
    swap('held', doc);
    swap('incident', doc);
    // A redraw brings a fresh answer-to-all key, which would make Send after a lost answer a
    // second copy to every reporter.
    keepAllKey();
    // A referral brings the case file and the consent question; a status change can take the question away.
    swap('agency', doc);
    var reply = document.getElementById('reply-form');
    // Gone because the reporter asked to be forgotten, or because the ticket closed: said which.
    if (reply && !doc.getElementById('reply-form')) {
      stopForm(reply, reply.getAttribute(doc.querySelector('#badges [data-forgotten]') ? 'data-forgotten' : 'data-closed'));
      // A saved reply is a reply too: left on, it posted and reloaded the page to the same refusal.
      var savedPick = document.getElementById('saved-reply-form');
      if (savedPick) stopForm(savedPick);
    }
    var after = document.getElementById('badges');
    var said = [];
    if (fromOthers && after && doneBySomeone(after) !== before) {
      changed.hidden = false;
      said.push(changed.textContent.trim());
    }
    // Said as well as shown: a reporter out of reach changes what the agent waits for.
    var reach = after && after.querySelector('[data-reach]');
    if (reach && !reachBefore) said.push(reach.textContent.trim());
    // Shown as well only when the head is scrolled away: in view, it already says so.
    if (said.length) R.announce(said.join(' '), false, headInView());
  }
  function headInView() {
    var box = ticket.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  }

  // ---- Conversation: new messages never yank the view; a notice offers to jump to them.
  function atBottom() { return convo.scrollHeight - convo.scrollTop - convo.clientHeight < 40; }
  function scrollDown() { convo.scrollTop = convo.scrollHeight; if (newMsg) newMsg.hidden = true; }
  function refreshConvo(follow) {
    return R.refresh(convo, function () {
      // Read when the change is made: the agent may have scrolled while a press held it back.
      var stay = !follow && !atBottom();
      var top = convo.scrollTop;
      var incoming = convo.querySelectorAll('.msg.in').length;
      return function () {
        var more = convo.querySelectorAll('.msg.in').length > incoming;
        if (stay) convo.scrollTop = top; else scrollDown();
        if (more) {
          if (stay && newMsg) newMsg.hidden = false;
          R.announce(convo.getAttribute('data-new-message'));
        }
      };
    });
  }
  if (newMsg) newMsg.addEventListener('click', scrollDown);
  convo.addEventListener('scroll', function () { if (newMsg && atBottom()) newMsg.hidden = true; });

  // ---- History: a collapsed history stays collapsed across updates and reloads.
  var OPEN_KEY = 'ripoti:history-open';
  function applyHistoryState() {
    var d = activity && activity.querySelector('details.audit');
    var saved = store(function (s) { return s.getItem(OPEN_KEY); });
    if (d && saved !== null) d.open = saved === '1';
  }
  if (activity) {
    applyHistoryState();
    activity.addEventListener('toggle', function (ev) {
      var d = ev.target;
      store(function (s) { s.setItem(OPEN_KEY, d.open ? '1' : '0'); });
    }, true);
  }
  function refreshActivity() {
    if (!activity) return Promise.resolve();
    return R.refresh(activity).then(applyHistoryState);
  }

  // Fetching the conversation (or the page, for its head) marks its messages seen: a tab in the
  // background waits until the agent comes back to it, so "unread" on the queue stays true until
  // someone has looked.
  var convoWaits = false;
  var headWaits = false;
  var convoSoon = R.debounce(function () {
    if (document.hidden) { convoWaits = true; return; }
    refreshConvo(false);
  }, 150);
  document.addEventListener('visibilitychange', function () {
    if (document.hidden) return;
    if (convoWaits) { convoWaits = false; refreshConvo(false); }
    if (headWaits) { headWaits = false; void inflight.then(function () { return syncHead(true); }); }
  });
  var activitySoon = R.debounce(refreshActivity, 150);
  var headSoon = R.debounce(function () {
    if (document.hidden) { headWaits = true; return; }
    void inflight.then(function () { return syncHead(true); });
  }, 150);
  scrollDown();

  if (window.EventSource) {
    var source = new EventSource(ticket.getAttribute('data-live'));
    source.addEventListener('ticket', function (ev) {
      var what = '';
      try { what = JSON.parse(ev.data).what; } catch (e) { /* ignore */ }
      if (what === 'message' || what === 'delivery') convoSoon();
      activitySoon();
      // The reporter's answer to "may <agency> have your name?" is shown on the agency card, in the
      // head; so are when they last wrote and whether they can be reached (`reach`).
      if (what === 'status' || what === 'escalated' || what === 'consent' || what === 'message' || what === 'reach') headSoon();
    });
    source.addEventListener('escalated', headSoon);
    var opened = false;
    // Marked on the page so a test (or a curious agent) can tell the live stream is connected.
    source.addEventListener('open', function () { ticket.setAttribute('data-live-state', 'open'); });
    // Caught up at every connect, the first too: what happened between the page's render and the
    // stream's start (the "taken" notice delivered meanwhile) would otherwise show as it was.
    source.addEventListener('open', function () { convoSoon(); activitySoon(); if (opened) headSoon(); opened = true; });
    // The browser gives up on the stream only when it is refused (the session ended: deactivated,
    // signed out everywhere, a password reset; or the ticket taken away): the page asks which.
    source.addEventListener('error', function () { if (source.readyState === 2) void inflight.then(function () { return syncHead(true); }); });
  }

  // ---- Every form on the page posts with fetch; the answer is announced and shown.
  function post(form) {
    return fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': R.csrf, 'x-requested-with': 'fetch', 'x-ripoti-lang': R.pageLang },
      body: new URLSearchParams(new FormData(form)).toString(),
    }).then(function (res) {
      if (R.signedOut(res)) { R.toSignIn(); return null; }
      // Not the console's JSON answer: an expired form (signed in again in another tab) or a
      // failure on our side, each said as such; "check your connection" would have the agent retry in vain.
      if ((res.headers.get('content-type') || '').indexOf('application/json') !== 0) return { ok: false, message: ticket.getAttribute(res.status === 403 ? 'data-expired' : 'data-failed') || '' };
      return res.json().then(function (body) { return { ok: res.ok && body.ok, message: body.message || '', confirm: body.confirm }; });
    });
  }
  function afterSuccess(form) {
    if (form.id === 'reply-form') return refreshConvo(true).then(refreshActivity);
    if (form.id === 'note-form') return refreshActivity();
    return Promise.all([syncHead(false), refreshActivity()]);
  }
  function submit(form) {
    var spot = focusSpot();
    var discards = discarding && discarding.form === form ? discarding.boxes : null;
    var button = form.querySelector('button');
    var error = form.id === 'reply-form' ? document.getElementById('reply-error') : null;
    form.setAttribute('data-busy', '');
    if (button) button.disabled = true;
    if (error) error.hidden = true;
    var settle = function (result) {
      if (!result) return;
      if (result.ok) {
        clearForm(form);
        if (discards) letGo(discards);
        // Announced once the page shows the new state, so what is heard matches what is seen.
        var say = function () { R.announce(result.message); };
        return afterSuccess(form).then(say, say);
      }
      // Asked once more (a reply asking an anonymous reporter who they are): sent again, with the
      // answer, only if the agent says so; otherwise the text stays to be changed.
      if (result.confirm) {
        if (!window.confirm(result.message)) return;
        var flag = document.createElement('input');
        flag.type = 'hidden'; flag.name = result.confirm; flag.value = '1';
        form.appendChild(flag);
        // Removed whatever the answer, so a later text is asked about on its own.
        return post(form).then(function (again) { flag.remove(); return settle(again); }, function (err) { flag.remove(); throw err; });
      }
      if (error) { error.textContent = result.message; error.hidden = false; } else R.announce(result.message, true);
    };
    var done = post(form).then(settle).catch(function () {
      var msg = ticket.getAttribute('data-offline') || 'Network error';
      if (error) { error.textContent = msg; error.hidden = false; } else R.announce(msg, true);
    }).then(function () {
      form.removeAttribute('data-busy');
      var b = document.getElementById(form.id) && !form.hasAttribute('data-stopped') ? button : null;
      if (b) b.disabled = false;
      restoreFocus(spot, document.getElementById('actions') || document.getElementById('badges'));
    });
    inflight = done;
    return done;
  }
  // ---- A reply typed and not sent cannot go once the ticket is closed or back in the queue: asked
  // before the action's own question (the capture phase runs before console.js's data-confirm), and
  // a "no" leaves the agent in the reply box to send it. "Close every report" of an incident closes
  // this one too (its count is asked on a page of its own, where the reply box is not). The answer
  // to every reporter of an incident (a closed member loses its box) is asked about in its own words.
  // A supervisor's hand-over gives the ticket (and its incident) to someone who never sees this
  // page's text; a split that leaves this ticket in no incident ([data-leaves-incident]) takes the
  // answer to every reporter away (the reply stays sendable: its box has no words for a split).
  // Each box holds the question for each kind of action: the attribute named here.
  function losesReply(form) {
    if (form.id === 'status-form') return CLOSING.test(form.elements.status.value) ? 'data-unsent' : null;
    if (form.id === 'release-form' || form.id === 'close-all-form') return 'data-unsent';
    if (form.id === 'handover-form') return 'data-unsent-handover';
    return form.hasAttribute('data-leaves-incident') ? 'data-unsent-split' : null;
  }
  var UNSENT_BOXES = ['reply-form', 'reply-all-form'];
  // The first field of `box` (the reply, or the answer to every reporter) holding unsent text, while it may still be sent.
  function unsentIn(box) {
    if (!box || box.hasAttribute('data-stopped')) return null;
    return Array.prototype.find.call(box.querySelectorAll('textarea'), function (el) { return !!el.value.trim(); }) || null;
  }
  // The form whose action the agent let go on without the text (and the forms that held it). Once the
  // action is done (its own question answered yes too; see below for the ones that leave this page),
  // the text is discarded: kept nowhere, it no longer comes back when this tab takes the ticket again
  // (released, or reopened by its reporter).
  var discarding = null;
  function letGo(ids) {
    ids.forEach(function (id) {
      var box = document.getElementById(id);
      if (id === 'reply-form') { if (box) clearForm(box); return; }
      // Not clearForm: it would empty the "send anyway" box's value too. Its key goes with the texts.
      if (box) Array.prototype.forEach.call(box.querySelectorAll('textarea'), function (el) { el.value = ''; });
      forgetAllDrafts();
    });
  }
  // The stored keys of what `ids` hold (the reply's key with its text: a new draft gets a new key).
  function draftKeysIn(ids) {
    var keys = [];
    ids.forEach(function (id) {
      if (id !== 'reply-form') { ALL_DRAFTS.forEach(function (d) { keys.push(draftKeyOf(d)); }); return; }
      var box = document.getElementById(id);
      if (box) Array.prototype.forEach.call(box.querySelectorAll('[data-draft][id]'), function (el) { keys.push(draftKey(el)); });
      if (replyKeyInput) keys.push(draftKey(replyKeyInput));
    });
    return keys;
  }
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    discarding = null;
    var words = losesReply(form);
    // A second press while the page is already leaving (console.js drops it): nothing to ask.
    if (!words || (form.hasAttribute('data-once') && document.documentElement.hasAttribute('data-taking'))) return;
    var held = [];
    for (var i = 0; i < UNSENT_BOXES.length; i++) {
      var box = document.getElementById(UNSENT_BOXES[i]);
      var field = unsentIn(box);
      if (!field || !box.hasAttribute(words)) continue;
      if (!window.confirm(box.getAttribute(words))) {
        ev.preventDefault();
        ev.stopImmediatePropagation();
        field.focus();
        return;
      }
      held.push(box.id);
    }
    if (held.length) discarding = { form: form, boxes: held };
  }, true);
  // A close or hand-over here (posted in place) is discarded once it is done (submit), as a refused one
  // leaves the text sendable. The rest leave this page (after console.js's data-confirm), and the text
  // goes once the page after them says the action was done (console.js reads the mark): a split comes
  // back here with its banner; a release goes to the queue with its banner, and "Close every report"
  // to its count, then its result. Refused, never sent, or the count left by "Back to the ticket": what was typed stays.
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (ev.defaultPrevented || form.hasAttribute('data-async')) return;
    // The page is leaving: an older mark (an action that never came back) must not let go of a later one's text.
    store(function (s) { s.removeItem(R.LET_GO); });
    if (!discarding || form !== discarding.form) return;
    var action = losesReply(form) === 'data-unsent-split' ? 'split' : form.id;
    store(function (s) { s.setItem(R.LET_GO, JSON.stringify({ ticket: ticketId, action: action, keys: draftKeysIn(discarding.boxes) })); });
  });
  // ---- Refer: "another agency" without its name is said at once, at the name box (it was asked
  // about as "another agency", then refused by the console). An agency other than the usual one for
  // this kind of case (IEBC for a police beating) is asked once more, by its name: the reporter is
  // told at once, and a wrong referral is not taken back for them. True: send it.
  function referAsked(form) {
    var agency = form.elements.agency.value;
    var other = form.elements.other;
    if (agency === 'OTHER' && other && !other.value.trim()) {
      R.announce(form.getAttribute('data-other-empty'), true);
      other.focus();
      return false;
    }
    if (!form.hasAttribute('data-usual') || !agency || agency === form.getAttribute('data-usual')) return true;
    var chosen = agency === 'OTHER' ? other.value.trim() : form.querySelector('input[name=agency]:checked').getAttribute('data-name');
    return window.confirm(form.getAttribute('data-unusual-confirm').replace('{chosen}', chosen));
  }
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (ev.defaultPrevented || !(form.id === 'reply-form' || form.hasAttribute('data-async'))) return;
    ev.preventDefault();
    if (form.hasAttribute('data-stopped')) return;
    // Resolved or rejected is final for the reporter (told it is closed; nothing here reopens it): asked once more.
    if (form.id === 'status-form' && CLOSING.test(form.elements.status.value) && !window.confirm(form.getAttribute('data-close-confirm'))) return;
    // "In progress" on a referred ticket takes it back from the agency, and the reporter is told so.
    if (form.id === 'status-form' && form.elements.status.value === 'in_progress' && form.hasAttribute('data-taken-back-confirm') && !window.confirm(form.getAttribute('data-taken-back-confirm'))) return;
    if (form.id === 'refer-form' && !referAsked(form)) return;
    var text = form.querySelector('textarea[required]');
    if (text && !text.value.trim()) {
      // Only spaces: nothing is sent, and the agent is told why rather than left wondering.
      var error = form.id === 'reply-form' ? document.getElementById('reply-error') : null;
      if (error) { error.textContent = form.getAttribute('data-empty') || ''; error.hidden = false; }
      else if (form.hasAttribute('data-empty')) R.announce(form.getAttribute('data-empty'), true);
      return;
    }
    void submit(form);
  });
  // Ctrl/Cmd+Enter sends a reply or a note, as in most chat tools; never a referral or an answer
  // to every reporter, which cannot be taken back and are sent with their button only.
  document.addEventListener('keydown', function (ev) {
    var el = ev.target;
    var form = el.tagName === 'TEXTAREA' ? el.form : null;
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey) && form && (form.id === 'reply-form' || form.id === 'note-form')) { ev.preventDefault(); form.requestSubmit(); }
  });
  window.ripoti.ticketHooks = { scrollDown: scrollDown };
})();
