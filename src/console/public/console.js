// Shared by every page: confirmation prompts and a helper for fetch with the CSRF token.
(function () {
  'use strict';
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    // "Take next", a saved reply, a consent question, a release, a split go once: a double click or a
    // second "t" before the page changes would take a second ticket (and tell its reporter it was
    // taken), send the reporter the same message twice, or come back refused (done already) to a page
    // that says nothing was done. Any such form on the page counts: the page is leaving. Dropped
    // before its question: nothing is asked again for a press that will do nothing.
    var once = form && form.hasAttribute && form.hasAttribute('data-once');
    if (once && document.documentElement.hasAttribute('data-taking')) { ev.preventDefault(); return; }
    var question = form && form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) { ev.preventDefault(); return; }
    if (once) document.documentElement.setAttribute('data-taking', '');
  });
  // A phone: long forms marked so (the supervisor's filters) fold under their summary line.
  if (window.matchMedia && window.matchMedia('(max-width: 640px)').matches) {
    document.querySelectorAll('details[data-fold-narrow]').forEach(function (d) { d.open = false; });
  }
  // Back from the history (bfcache), the page may take again.
  window.addEventListener('pageshow', function () { document.documentElement.removeAttribute('data-taking'); });
  // Keyboard shortcuts (listed on the "?" sheet); never while typing in a field.
  document.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.defaultPrevented) return;
    var el = ev.target;
    if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
    var keys = document.getElementById('keys');
    if (!keys || (keys.open && ev.key !== '?')) return;
    var act = {
      '?': function () { if (keys.open) keys.close(); else keys.showModal(); },
      t: function () { var f = document.getElementById('take-shortcut'); if (f) f.requestSubmit(); },
      r: function () { var box = document.getElementById('reply-text'); if (box) box.focus(); },
      s: function () { var sel = document.querySelector('#status-form select'); if (sel) sel.focus(); },
      j: function () {
        var ticket = document.getElementById('ticket');
        window.location.href = '/queue/next-held' + (ticket ? '?after=' + ticket.getAttribute('data-id') : '');
      },
    }[ev.key];
    if (!act) return;
    ev.preventDefault();
    act();
  });
  // Live updates change a page in place, never by rebuilding it: an element with the same key (a
  // queue row's data-reference, an id such as a message's) or of the same kind in order is kept and only
  // what differs is changed. A rebuilt element loses what the person was doing in it: a click
  // between mouse-down and mouse-up, a voice note playing, focus, a lazily loaded picture.
  // An <option> by its value: one redrawn in place with another's value would change the choice made.
  function keyOf(el) {
    if (el.nodeType !== 1) return null;
    if (el.nodeName === 'OPTION') return 'option:' + el.value;
    return el.getAttribute('data-reference') || el.id || null;
  }
  // Open or closed, a <details> is the reader's choice, not the server's; so is the focus a script
  // gave an element that is not focusable in the page as sent (tabindex="-1"). A form being posted
  // (data-busy) or stopped (data-stopped) keeps its buttons as the script set them: a redraw
  // during the post must not offer the same button twice.
  function readerOwns(el, name) {
    if (name === 'open') return el.nodeName === 'DETAILS';
    if (name === 'tabindex') return el === document.activeElement;
    if (name === 'data-busy' || name === 'data-stopped') return true;
    return name === 'disabled' && el.nodeName === 'BUTTON' && !!el.form && (el.form.hasAttribute('data-busy') || el.form.hasAttribute('data-stopped'));
  }
  function morph(now, next) {
    if (now.nodeType !== next.nodeType || now.nodeName !== next.nodeName) { now.replaceWith(next); return; }
    if (now.nodeType !== 1) { if (now.nodeValue !== next.nodeValue) now.nodeValue = next.nodeValue; return; }
    if (now.isEqualNode(next)) return;
    Array.prototype.slice.call(now.attributes).forEach(function (a) { if (!next.hasAttribute(a.name) && !readerOwns(now, a.name)) now.removeAttribute(a.name); });
    Array.prototype.forEach.call(next.attributes, function (a) { if (now.getAttribute(a.name) !== a.value && !readerOwns(now, a.name)) now.setAttribute(a.name, a.value); });
    var old = Array.prototype.slice.call(now.childNodes);
    var byKey = {};
    old.forEach(function (c) { var k = keyOf(c); if (k) byKey[k] = c; });
    var used = [];
    var cursor = 0;
    // An unkeyed node matches the next unused unkeyed one of its kind: a fragment that starts
    // without the page's leading whitespace must not pair a text node with an element.
    function alike(c) {
      for (var j = cursor; j < old.length; j++) {
        if (!keyOf(old[j]) && used.indexOf(old[j]) < 0 && old[j].nodeName === c.nodeName) { cursor = j + 1; return old[j]; }
      }
      return null;
    }
    var wanted = Array.prototype.slice.call(next.childNodes);
    var matches = wanted.map(function (c) {
      var k = keyOf(c);
      var m = (k ? byKey[k] : alike(c)) || null;
      if (m && used.indexOf(m) >= 0) m = null;
      if (m) used.push(m);
      return m;
    });
    // What goes is removed first, so that what stays is never moved to make room: moving a node
    // takes it out of the page for a moment, which drops a selection inside it.
    old.forEach(function (c) { if (used.indexOf(c) < 0) now.removeChild(c); });
    wanted.forEach(function (c, i) {
      var node = matches[i] || c.cloneNode(true);
      var at = now.childNodes[i] || null;
      if (node !== at) now.insertBefore(node, at);
      if (matches[i]) morph(matches[i], c);
    });
  }
  // A pressed mouse button or finger is a click on its way: a live update waits until it is let
  // go (and the click has landed), or what was pressed may move away from under the pointer.
  // Updates held meanwhile run in the order they came; the page is marked while any is held.
  var pressing = false;
  var draining = false;
  var held = [];
  var root = document.documentElement;
  document.addEventListener('pointerdown', function () { pressing = true; }, true);
  function released() {
    if (!pressing) return;
    pressing = false;
    if (!draining) { draining = true; setTimeout(drain, 0); }
  }
  function drain() {
    draining = false;
    var run = held;
    held = [];
    root.removeAttribute('data-held');
    run.forEach(function (fn) { fn(); });
  }
  // A click releases at once (it has landed); a mouse's pointer-up too, as its click follows in
  // the same task. A finger's click comes later, from the tap: a pointer-up of a finger waits for it.
  document.addEventListener('pointerup', function (ev) { if (ev.pointerType === 'mouse') released(); else setTimeout(released, 350); }, true);
  // Anything else that says nothing is pressed any more lets the updates through (a <select>'s
  // list, opened on the press, takes the pointer-up; so does a scroll bar's, until the mouse moves).
  ['pointercancel', 'dragend', 'click', 'change', 'keydown', 'wheel'].forEach(function (type) { document.addEventListener(type, released, true); });
  document.addEventListener('pointermove', function (ev) { if (ev.buttons === 0) released(); }, true);
  window.addEventListener('blur', released);
  function afterPress(fn) {
    return new Promise(function (resolve, reject) {
      function run() { try { resolve(fn()); } catch (e) { reject(e); } }
      if (!pressing && !draining) { run(); return; }
      held.push(run);
      root.setAttribute('data-held', String(held.length));
    });
  }
  var meta = document.querySelector('meta[name="csrf-token"]');
  // A page's own reads say they are scripts: signed out, they get a bare 401 rather than a redirect
  // to the sign-in page, which the fetch would load and so set a new sign-in form token, making the
  // form the agent is about to fill look expired.
  // The page's own language goes with its fetches: switched in another tab (or by a supervisor),
  // the account's language would drop the other language's words into this page.
  var pageLang = document.documentElement.lang || 'en';
  var fragmentHeaders = { accept: 'text/html', 'x-requested-with': 'fetch', 'x-ripoti-lang': pageLang };
  // Signed out (elsewhere, or the session ran out): a page's own fetch is answered 401, or is sent
  // on to the sign-in page, which must then be shown, not taken for the fragment asked for.
  function signedOut(res) {
    return res.status === 401 || (res.redirected && new URL(res.url).pathname === '/signin');
  }
  // Several refreshes notice it at once: one navigation, or each would cancel the one before.
  var leaving = false;
  function toSignIn() {
    if (leaving) return;
    leaving = true;
    // Back to this page once signed in again, not to the queue.
    // `ended`: the sign-in page then says the session ended and that drafts are kept.
    window.location.href = '/signin?next=' + encodeURIComponent(window.location.pathname + window.location.search) + '&ended=1';
  }
  // A redirect's banner ("Reply queued…") is said once: its words leave the address, so a reload,
  // a bookmark or the way back after sign-in does not say it again as if it happened twice.
  var flashEl = document.querySelector('[data-flash]');
  var flash = flashEl ? flashEl.getAttribute('data-flash') : null;
  if (flash && window.URLSearchParams) {
    var params = new URLSearchParams(window.location.search);
    ['ok', 'err', 'sent', 'joined', 'skipped', 'released', 'kept'].forEach(function (k) { params.delete(k); });
    var rest = params.toString();
    window.history.replaceState(window.history.state, '', window.location.pathname + (rest ? '?' + rest : '') + window.location.hash);
  }
  // An unsent reply let go with "yes" on a release, "Close every report" or a split (ticket.js marks it
  // as it leaves the ticket): gone once this page says it was done, the queue's banner, the split's, or
  // the close's result (`data-let-go-done`). Any other page leaves the mark for the ticket page to drop.
  var LET_GO = 'ripoti:let-go';
  (function letGoIfDone() {
    try {
      var mark = JSON.parse(window.sessionStorage.getItem(LET_GO) || 'null');
      var doneEl = document.querySelector('[data-let-go-done]');
      var done = doneEl ? doneEl.getAttribute('data-let-go-done') : null;
      // The banner that says a release or a split was done; "Close every report" says so by its result page.
      var doneBanner = { 'release-form': 'released', split: 'incident_split' };
      if (!mark || !((flash && doneBanner[mark.action] === flash) || done === mark.ticket + ':' + mark.action)) return;
      mark.keys.forEach(function (k) { window.sessionStorage.removeItem(k); });
      window.sessionStorage.removeItem(LET_GO);
    } catch (e) { /* storage off, or a mark this page cannot read: nothing was kept to let go */ }
  })();
  window.ripoti = {
    LET_GO: LET_GO,
    csrf: meta ? meta.getAttribute('content') : '',
    // The banner the page came with (the address no longer says it).
    flash: flash,
    signedOut: signedOut,
    toSignIn: toSignIn,
    fragmentHeaders: fragmentHeaders,
    pageLang: pageLang,
    morph: morph,
    afterPress: afterPress,
    // Bring a container up to a fresh server-rendered fragment, in place (`morph`). A 401 means the
    // session ended. `prepare`, called just before the change (which may wait for a press to end),
    // reads what the page looks like then and returns what to do after it.
    refresh: function (el, prepare) {
      return fetch(el.getAttribute('data-fragment'), { headers: fragmentHeaders, credentials: 'same-origin' }).then(function (res) {
        if (signedOut(res)) { toSignIn(); return; }
        if (!res.ok) return;
        return res.text().then(function (html) {
          return afterPress(function () {
            var after = prepare ? prepare() : null;
            var next = el.cloneNode(false);
            next.innerHTML = html;
            morph(el, next);
            if (after) after();
          });
        });
      }).catch(function () { /* offline for a moment: the next event or reconnect refreshes */ });
    },
    // Says a short result once, to everyone: shown in the status bar and read by screen readers.
    // `heard`: read by screen readers only, for words the page already shows where they belong
    // (a second copy above took a laptop's Refer off its first screen).
    announce: function (text, isError, heard) {
      var region = document.getElementById('announce');
      if (!region || !text) return;
      region.className = 'announce ' + (isError ? 'error' : 'ok') + (heard ? ' sr-only' : '');
      // Cleared first so the same words twice are read twice.
      region.textContent = '';
      setTimeout(function () { region.textContent = text; }, 50);
    },
    // Coalesce bursts of events into one refresh.
    debounce: function (fn, ms) {
      var timer = null;
      return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
    },
  };
})();
