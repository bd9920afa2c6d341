// Ticket page: live conversation and activity, and sending replies without leaving the page.
(function () {
  'use strict';
  var ticket = document.getElementById('ticket');
  var convo = document.getElementById('conversation');
  var activity = document.getElementById('activity');
  if (!ticket || !convo) return;

  function scrollDown() { convo.scrollTop = convo.scrollHeight; }
  function refreshConvo() { return window.ripoti.refresh(convo).then(scrollDown); }
  var convoSoon = window.ripoti.debounce(refreshConvo, 150);
  var activitySoon = window.ripoti.debounce(function () { if (activity) window.ripoti.refresh(activity); }, 150);
  scrollDown();

  if (window.EventSource) {
    var source = new EventSource(ticket.getAttribute('data-live'));
    source.addEventListener('ticket', function (ev) {
      var what = '';
      try { what = JSON.parse(ev.data).what; } catch (e) { /* ignore */ }
      if (what === 'message' || what === 'delivery') convoSoon();
      activitySoon();
      if (what === 'status' || what === 'escalated') document.getElementById('changed').hidden = false;
    });
    source.addEventListener('escalated', function () { document.getElementById('changed').hidden = false; });
    var opened = false;
    source.addEventListener('open', function () { if (opened) { convoSoon(); activitySoon(); } opened = true; });
  }

  var form = document.getElementById('reply-form');
  if (!form) return;
  var textarea = form.querySelector('textarea');
  var button = form.querySelector('button');
  var error = document.getElementById('reply-error');
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (!textarea.value.trim()) return;
    button.disabled = true;
    error.hidden = true;
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': window.ripoti.csrf, 'x-requested-with': 'fetch' },
      body: new URLSearchParams({ text: textarea.value }).toString(),
    }).then(function (res) {
      if (res.status === 401) { window.location.href = '/signin'; return; }
      return res.json().then(function (body) {
        if (res.ok && body.ok) { textarea.value = ''; return refreshConvo(); }
        error.textContent = body.message || 'Error';
        error.hidden = false;
      });
    }).catch(function () {
      error.textContent = form.getAttribute('data-offline') || 'Network error';
      error.hidden = false;
    }).then(function () { button.disabled = false; textarea.focus(); });
  });
  // Ctrl/Cmd+Enter sends, as in most chat tools.
  textarea.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); form.requestSubmit(); }
  });
})();
