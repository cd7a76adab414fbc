// Live room: progressive enhancement. Without this file the page still works (forms + refresh link).
// With it, the page follows the room's Server-Sent Events and re-reads its live regions from the
// server (same origin, same HTML) shortly after each event; if the stream fails, it polls instead.
(function () {
  var root = document.getElementById("live");
  if (!root || !window.fetch || !window.DOMParser) { return; }
  var status = document.getElementById("live-status");
  var lastId = root.getAttribute("data-live-after") || "0";
  var timer = null, pollTimer = null, source = null, failures = 0, busy = false;
  // The server says over how long the room's pages should spread their re-reads (grows with the
  // audience); every re-read brings the current figure.
  var spread = parseInt(root.getAttribute("data-live-spread"), 10) || 600;

  function say(text) { if (status) { status.textContent = text; } }

  function refresh() {
    timer = null;
    if (busy) { schedule(); return; }
    busy = true;
    fetch(location.pathname + location.search, { credentials: "same-origin", headers: { "X-Live": "1" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        busy = false;
        if (!html) { return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        var next = doc.getElementById("live");
        var s = next && parseInt(next.getAttribute("data-live-spread"), 10);
        if (s > 0) { spread = s; }
        var go = null;
        document.querySelectorAll("[data-live-region]").forEach(function (el) {
          var fresh = doc.getElementById(el.id);
          if (fresh && fresh.innerHTML !== el.innerHTML) {
            // Keep the focused control if it survives; never replace a region being typed in.
            if (el.contains(document.activeElement) && document.activeElement.tagName !== "BUTTON") { return; }
            el.innerHTML = fresh.innerHTML;
            // Tables just opened: the main room sends the delegate to their table.
            go = go || el.querySelector("[data-live-goto]");
          }
        });
        document.dispatchEvent(new CustomEvent("live:refreshed"));
        if (go) { location.href = go.getAttribute("href"); }
      })
      .catch(function () { busy = false; });
  }

  // Many clients get the same event at once: spread their re-reads; events meanwhile share one.
  function schedule() {
    if (!timer) { timer = setTimeout(refresh, 150 + Math.floor(Math.random() * spread)); }
  }

  function poll() {
    if (pollTimer) { return; }
    say(root.getAttribute("data-live-polling") || "");
    pollTimer = setInterval(refresh, 15000);
  }

  function connect() {
    if (!window.EventSource) { poll(); return; }
    var url = root.getAttribute("data-live-stream") + "?after=" + encodeURIComponent(lastId);
    source = new EventSource(url);
    source.onopen = function () {
      failures = 0;
      if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
      root.setAttribute("data-live-connected", "true");
      document.dispatchEvent(new CustomEvent("live:open"));
    };
    source.onmessage = onEvent;
    ["question.asked", "question.submitted", "question.voted", "question.approve", "question.answer",
     "question.hide", "question.pin", "question.unpin", "question.spotlight", "poll.prepared",
     "poll.opened", "poll.results", "poll.closed", "chat.posted", "chat.hidden", "hand.raised",
     "hand.lowered", "reaction", "room.settings", "participant.removed", "tables.opened",
     "tables.closed", "tables.broadcast", "tables.moved", "tables.spotlight", "table.help",
     "table.note"].forEach(function (t) {
      source.addEventListener(t, onEvent);
    });
    // Signalling of a discussion table: addressed to this participant only, handed to tables.js.
    source.addEventListener("table.signal", function (e) {
      document.dispatchEvent(new CustomEvent("live:signal", { detail: e.data }));
    });
    source.onerror = function () {
      root.setAttribute("data-live-connected", "false");
      failures++;
      if (source.readyState === EventSource.CLOSED || failures > 3) {
        source.close();
        poll();
        // Try the stream again later; the browser resumes from the last id it saw.
        setTimeout(connect, 30000);
      }
    };
  }

  function onEvent(e) {
    if (e.lastEventId) { lastId = e.lastEventId; }
    document.dispatchEvent(new CustomEvent("live:event", { detail: { type: e.type, data: e.data } }));
    schedule();
  }

  document.querySelectorAll("[data-live-refresh]").forEach(function (a) {
    a.addEventListener("click", function (ev) { ev.preventDefault(); refresh(); });
  });
  connect();
})();
