// Queue page: the lists follow the queue (server-sent events, and once a minute for ages), updated
// in place: rows keep their place and focus, and a short summary ("2 new, 1 urgent") is announced
// instead of the whole list being read again.
(function () {
  'use strict';
  var R = window.ripoti;
  var lists = document.getElementById('queue-lists');
  if (!lists || !window.EventSource) return;

  function waitingRefs() {
    var refs = {};
    Array.prototype.forEach.call(lists.querySelectorAll('tbody tr[data-reference]'), function (tr) {
      refs[tr.getAttribute('data-reference')] = { urgent: /prio-urgent/.test(tr.className), escalations: Number(tr.getAttribute('data-escalations')) || 0, priority: Number(tr.getAttribute('data-priority')) || 0 };
    });
    return refs;
  }
  function count(key, n) { return (lists.getAttribute(key) || '').replace('{{count}}', String(n)); }
  function update(html) {
    var before = waitingRefs();
    var data = document.getElementById('queue-data');
    var unreadBefore = data ? Number(data.getAttribute('data-unread')) : 0;
    var focused = document.activeElement;
    var next = lists.cloneNode(false);
    next.innerHTML = html;
    R.morph(lists, next);
    var after = waitingRefs();
    var fresh = Object.keys(after).filter(function (r) { return !(r in before); });
    var urgent = fresh.filter(function (r) { return after[r].urgent; }).length;
    // A ticket that waited too long: said, not only marked; "priority raised" only where it was
    // (the SLA stops at High: an Urgent or High ticket waits on at its priority).
    var late = Object.keys(after).filter(function (r) { return r in before && after[r].escalations > before[r].escalations; });
    var raised = late.filter(function (r) { return after[r].priority < before[r].priority; }).length;
    var waited = late.length - raised;
    data = document.getElementById('queue-data');
    var unread = data ? Number(data.getAttribute('data-unread')) : 0;
    var parts = [];
    if (fresh.length) parts.push(count('data-summary-new', fresh.length));
    if (urgent) parts.push(count('data-summary-urgent', urgent));
    if (unread > unreadBefore) parts.push(count('data-summary-replies', unread));
    if (raised) parts.push(count('data-summary-escalated', raised));
    if (waited) parts.push(count('data-summary-waited', waited));
    if (parts.length) R.announce(parts.join(', '));
    document.title = (unread ? '(' + unread + ') ' : '') + lists.getAttribute('data-title');
    // Moving a row in the DOM drops focus from the link inside it: give it back where it was.
    if (focused && focused !== document.body && document.contains(focused) && document.activeElement !== focused) focused.focus({ preventScroll: true });
    // The focused row went away (someone took that ticket): focus its list, not the page body.
    if (focused && focused !== document.body && !document.contains(focused)) {
      var list = lists.querySelector('.card');
      if (list) { list.setAttribute('tabindex', '-1'); list.focus({ preventScroll: true }); }
    }
  }
  function refresh() {
    return fetch(lists.getAttribute('data-fragment'), { headers: R.fragmentHeaders, credentials: 'same-origin' }).then(function (res) {
      if (R.signedOut(res)) { R.toSignIn(); return; }
      if (!res.ok) return;
      return res.text().then(function (html) { return R.afterPress(function () { update(html); }); });
    }).catch(function () { /* offline for a moment: the next event or reconnect refreshes */ });
  }
  var soon = R.debounce(refresh, 250);
  var source = new EventSource(lists.getAttribute('data-live'));
  source.addEventListener('queue', soon);
  source.addEventListener('escalated', soon);
  source.addEventListener('ticket', soon);
  // After a dropped connection we may have missed events: catch up on reconnect.
  var opened = false;
  source.addEventListener('open', function () { lists.setAttribute('data-live-state', 'open'); });
  source.addEventListener('open', function () { if (opened) soon(); opened = true; });
  // Refused (the session ended): the refresh finds out and goes to sign-in, not on as if live.
  source.addEventListener('error', function () { if (source.readyState === 2) refresh(); });
  setInterval(soon, 60000);
})();
