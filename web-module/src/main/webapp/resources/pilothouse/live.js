/*
 * Live updates: the server pushes the name of each changed resource (coalesced) over the Faces
 * WebSocket channel "changes"; a page registers, per resource, the p:remoteCommand that refreshes
 * the tables showing it. Nothing polls.
 */
var ph = ph || {};
ph.listeners = {};
ph.timers = {};
ph.lastChange = null;
ph.on = function (resource, refresh) {
  (ph.listeners[resource] = ph.listeners[resource] || []).push(refresh);
};
ph.changed = function (resource) {
  ph.lastChange = { resource: resource, at: Date.now() };
  var refreshers = ph.listeners[resource];
  if (!refreshers) {
    return;
  }
  clearTimeout(ph.timers[resource]);
  ph.timers[resource] = setTimeout(function () {
    refreshers.forEach(function (refresh) { refresh(); });
  }, 50);
};
ph.opened = function () {
  document.body.setAttribute('data-live', 'open');
};
ph.closed = function () {
  document.body.setAttribute('data-live', 'closed');
};
