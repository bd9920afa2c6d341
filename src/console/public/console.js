// Shared by every page: confirmation prompts and a helper for fetch with the CSRF token.
(function () {
  'use strict';
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    var question = form && form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) { ev.preventDefault(); return; }
    // "Take next", a saved reply, a consent question go once: a double click or a second "t" before
    // the page changes would take a second ticket (and tell its reporter it was taken), or send the
    // reporter the same message twice. Any such form on the page counts: the page is leaving.
    if (form && form.hasAttribute && form.hasAttribute('data-once')) {
      if (document.documentElement.hasAttribute('data-taking')) { ev.preventDefault(); return; }
      document.documentElement.setAttribute('data-taking', '');
    }
  });
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
  var meta = document.querySelector('meta[name="csrf-token"]');
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
    window.location.href = '/signin';
  }
  window.ripoti = {
    csrf: meta ? meta.getAttribute('content') : '',
    signedOut: signedOut,
    toSignIn: toSignIn,
    // Replace a container's HTML with a fresh server-rendered fragment. A 401 means the session ended.
    refresh: function (el) {
      return fetch(el.getAttribute('data-fragment'), { headers: { accept: 'text/html' }, credentials: 'same-origin' }).then(function (res) {
        if (signedOut(res)) { toSignIn(); return; }
        if (!res.ok) return;
        return res.text().then(function (html) { el.innerHTML = html; });
      }).catch(function () { /* offline for a moment: the next event or reconnect refreshes */ });
    },
    // Says a short result once, to everyone: shown in the status bar and read by screen readers.
    announce: function (text, isError) {
      var region = document.getElementById('announce');
      if (!region || !text) return;
      region.className = 'announce ' + (isError ? 'error' : 'ok');
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
