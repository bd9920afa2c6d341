// Queue page: re-fetch the lists when the queue changes (server-sent events), and once a minute for ages.
(function () {
  'use strict';
  var lists = document.getElementById('queue-lists');
  if (!lists || !window.EventSource) return;
  var refresh = window.ripoti.debounce(function () { window.ripoti.refresh(lists); }, 250);
  var source = new EventSource(lists.getAttribute('data-live'));
  source.addEventListener('queue', refresh);
  source.addEventListener('escalated', refresh);
  source.addEventListener('ticket', refresh);
  // After a dropped connection we may have missed events: catch up on reconnect.
  var opened = false;
  source.addEventListener('open', function () { if (opened) refresh(); opened = true; });
  setInterval(refresh, 60000);
})();
