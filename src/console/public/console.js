// Shared by every page: confirmation prompts and a helper for fetch with the CSRF token.
(function () {
  'use strict';
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    var question = form && form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) ev.preventDefault();
  });
  var meta = document.querySelector('meta[name="csrf-token"]');
  window.ripoti = {
    csrf: meta ? meta.getAttribute('content') : '',
    // Replace a container's HTML with a fresh server-rendered fragment. A 401 means the session ended.
    refresh: function (el) {
      return fetch(el.getAttribute('data-fragment'), { headers: { accept: 'text/html' }, credentials: 'same-origin' }).then(function (res) {
        if (res.status === 401) { window.location.href = '/signin'; return; }
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
