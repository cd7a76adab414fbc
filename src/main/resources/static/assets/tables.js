// Discussion tables: progressive enhancement of pages that work without it (ADR 0024).
// - counts down to the end time the page states in text;
// - saves the table's shared note as it is typed (the form's button does it without JavaScript);
// - talks: a WebRTC mesh between the browsers of one table. Signalling (hello, offer, answer, ICE,
//   state, bye) is POSTed to the room, which hands each message to the one addressee's stream;
//   live.js passes it here as a "live:signal" event. Nothing of the media passes through Lectern.
(function () {
  var root = document.getElementById("live");
  if (!root) { return; }
  var csrf = document.querySelector("input[name=_csrf]");

  // --- timer --------------------------------------------------------------------------------
  function tick() {
    document.querySelectorAll("time[data-countdown]").forEach(function (t) {
      var left = t.parentNode.querySelector("[data-countdown-left]");
      if (!left) { return; }
      var ms = Date.parse(t.getAttribute("datetime")) - Date.now();
      if (ms <= 0) { left.textContent = "· " + left.getAttribute("data-t-up"); return; }
      var s = Math.floor(ms / 1000), m = Math.floor(s / 60);
      var text = m + ":" + String(s % 60).padStart(2, "0");
      left.textContent = "· " + left.getAttribute("data-t-left").replace("{0}", text);
      left.setAttribute("data-seconds-left", String(s));
    });
  }
  tick();
  setInterval(tick, 1000);

  var room = root.getAttribute("data-table-room");
  if (!room) { return; }
  var me = root.getAttribute("data-table-me");

  function post(url, fields) {
    var body = new URLSearchParams();
    if (csrf) { body.append(csrf.name, csrf.value); }
    Object.keys(fields).forEach(function (k) { body.append(k, fields[k]); });
    return fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "X-Live": "1" } });
  }

  // --- events of the room: closing sends everyone back, a move reseats this browser -----------
  document.addEventListener("live:event", function (ev) {
    var type = ev.detail.type;
    if (type === "tables.closed") {
      hangUp();
      location.href = room + "?tables=closed";
    } else if (type === "tables.moved") {
      var data = {};
      try { data = JSON.parse(ev.detail.data); } catch (e) { /* nothing */ }
      var mine = root.getAttribute("data-table-id");
      if (!document.getElementById("note-form") || (data.tables || []).indexOf(mine) >= 0 || !mine) {
        hangUp();
        location.reload();
      }
    }
  });

  // --- the shared note ------------------------------------------------------------------------
  var saveTimer = null, saving = false, again = false, sent = null;
  function noteForm() { return document.getElementById("note-form"); }
  function noteStatus(text) { var s = document.getElementById("note-status"); if (s) { s.textContent = text; } }

  function save() {
    saveTimer = null;
    var form = noteForm();
    if (!form) { return; }
    if (saving) { again = true; return; }
    saving = true;
    var text = form.elements.note.value;
    var sign = form.elements.sign && form.elements.sign.checked ? "true" : "";
    sent = text;
    post(form.getAttribute("data-autosave"), { note: text, version: form.elements.version.value, sign: sign })
      .then(function (r) { return r.json().then(function (j) { return { status: r.status, body: j }; }); })
      .then(function (res) {
        saving = false;
        var f = noteForm();
        if (!f) { return; }
        if (res.status === 200) {
          f.elements.version.value = res.body.version;
          noteStatus(f.getAttribute("data-saved") || "✓");
        } else if (res.status === 409 && typeof res.body.note === "string") {
          // Someone else saved meanwhile: keep theirs, add the lines only this writer has, save again.
          var theirs = res.body.note, mine = f.elements.note.value;
          var have = theirs.split("\n");
          var extra = mine.split("\n").filter(function (l) { return l.trim() && have.indexOf(l) < 0; });
          f.elements.note.value = extra.length ? theirs + (theirs ? "\n" : "") + extra.join("\n") : theirs;
          f.elements.version.value = res.body.version;
          if (extra.length) { again = true; }
        }
        if (again) { again = false; schedule(); }
      })
      .catch(function () { saving = false; });
  }
  function schedule() { if (saveTimer) { clearTimeout(saveTimer); } saveTimer = setTimeout(save, 600); }
  document.addEventListener("input", function (e) {
    if (e.target && e.target.id === "note" && noteForm()) { schedule(); }
  });

  // --- talking --------------------------------------------------------------------------------
  var talk = document.getElementById("talk");
  if (!talk || !window.RTCPeerConnection || !navigator.mediaDevices) { return; }
  var config = JSON.parse(talk.getAttribute("data-talk") || "{}");
  var peers = (talk.getAttribute("data-peers") || "").split(",").filter(Boolean);
  var signalUrl = talk.getAttribute("data-signal");
  var conns = {}, pending = {}, local = null, camera = null, started = false, muted = false, hand = false;
  var queue = Promise.resolve();
  var btn = function (id) { return document.getElementById(id); };
  var t = function (k) { return talk.getAttribute("data-t-" + k) || ""; };
  window.lecternTables = { connections: conns };

  function signal(to, kind, data) {
    // One at a time and in order: an ICE candidate never overtakes its offer.
    queue = queue.then(function () {
      return post(signalUrl, { to: to, kind: kind, data: data ? JSON.stringify(data) : "" }).catch(function () {});
    });
  }

  function say(text) { btn("talk-status").textContent = text; }

  function peerState(id, text) {
    var li = document.querySelector("[data-person='" + id + "'] [data-peer-state]");
    if (li) { li.textContent = text ? "· " + text : ""; }
  }

  function lowBitrate(sdp) {
    // Opus at a low average bitrate with in-band FEC: speech survives a poor mobile connection.
    var m = sdp.match(/a=rtpmap:(\d+) opus\/48000/i);
    if (!m) { return sdp; }
    var re = new RegExp("a=fmtp:" + m[1] + " ([^\\r\\n]*)");
    return sdp.replace(re, function (all, params) {
      params = params.replace(/;?maxaveragebitrate=\d+/, "").replace(/;?useinbandfec=\d/, "");
      return "a=fmtp:" + m[1] + " " + params + ";maxaveragebitrate=" + config.audioBitrate + ";useinbandfec=1";
    });
  }

  function limitSenders(pc) {
    pc.getSenders().forEach(function (s) {
      if (!s.track || s.track.kind !== "audio" || !s.getParameters) { return; }
      var p = s.getParameters();
      if (!p.encodings || !p.encodings.length) { p.encodings = [{}]; }
      p.encodings[0].maxBitrate = config.audioBitrate;
      s.setParameters(p).catch(function () {});
    });
  }

  // The offerer creates the audio and video transceivers; the answerer takes those of the offer.
  // Either way camera and microphone are swapped in with replaceTrack: no renegotiation.
  function connection(id, offering) {
    if (conns[id]) { conns[id].close(); }
    var pc = new RTCPeerConnection({ iceServers: config.iceServers || [] });
    conns[id] = pc;
    pending[id] = [];
    if (offering) {
      pc.addTransceiver("audio", { direction: "sendrecv" });
      pc.addTransceiver("video", { direction: "sendrecv" });
      attach(pc);
    }
    pc.onicecandidate = function (e) { if (e.candidate) { signal(id, "ice", e.candidate.toJSON()); } };
    pc.onconnectionstatechange = function () {
      var st = pc.connectionState;
      peerState(id, st === "connected" ? t("connected") : st === "failed" ? t("failed") : t("connecting"));
      if (st === "connected") { limitSenders(pc); }
    };
    var media = document.createElement("video");
    media.autoplay = true; media.playsInline = true; media.className = "talk-peer";
    media.setAttribute("data-peer", id);
    media.setAttribute("aria-hidden", "true");
    var stream = new MediaStream();
    media.srcObject = stream;
    pc.ontrack = function (e) { stream.addTrack(e.track); };
    var old = document.querySelector("video[data-peer='" + id + "']");
    if (old) { old.remove(); }
    btn("talk-media").appendChild(media);
    peerState(id, t("connecting"));
    return pc;
  }

  function attach(pc) {
    pc.getTransceivers().forEach(function (tr) {
      var kind = tr.receiver.track && tr.receiver.track.kind;
      tr.direction = "sendrecv";
      if (kind === "audio" && local && local.getAudioTracks()[0]) { tr.sender.replaceTrack(local.getAudioTracks()[0]); }
      if (kind === "video" && camera) { tr.sender.replaceTrack(camera.getVideoTracks()[0]); }
    });
  }

  function offer(id) {
    var pc = connection(id, true);
    pc.createOffer()
      .then(function (o) { return pc.setLocalDescription({ type: "offer", sdp: lowBitrate(o.sdp) }); })
      .then(function () { signal(id, "offer", pc.localDescription.toJSON()); })
      .catch(function () { peerState(id, t("failed")); });
  }

  function answer(id, desc) {
    var pc = connection(id, false);
    pc.setRemoteDescription(desc)
      .then(function () { attach(pc); return flush(id); })
      .then(function () { return pc.createAnswer(); })
      .then(function (a) { return pc.setLocalDescription({ type: "answer", sdp: lowBitrate(a.sdp) }); })
      .then(function () { signal(id, "answer", pc.localDescription.toJSON()); })
      .catch(function () { peerState(id, t("failed")); });
  }

  function flush(id) {
    var list = pending[id] || [];
    pending[id] = [];
    return Promise.all(list.map(function (c) { return conns[id].addIceCandidate(c).catch(function () {}); }));
  }

  function stateOf() { return { muted: muted, hand: hand }; }

  document.addEventListener("live:signal", function (ev) {
    if (!started) { return; }
    var m; try { m = JSON.parse(ev.detail); } catch (e) { return; }
    var from = m.from, data = m.data ? JSON.parse(m.data) : null;
    if (peers.indexOf(from) < 0) { return; }
    if (m.kind === "hello") {
      var fresh = !data || !data.ack;
      if (fresh) { signal(from, "hello", { ack: true }); }
      // The lower id offers, the other waits for the offer. A fresh page (not an answer to our
      // hello) gets a new offer; an answer to our hello only when we have no connection yet.
      if (me < from && (fresh || !conns[from])) { offer(from); }
      signal(from, "state", stateOf());
    } else if (m.kind === "offer") {
      answer(from, data);
    } else if (m.kind === "answer" && conns[from]) {
      conns[from].setRemoteDescription(data).then(function () { return flush(from); }).catch(function () {});
    } else if (m.kind === "ice") {
      var pc = conns[from];
      if (pc && pc.remoteDescription) { pc.addIceCandidate(data).catch(function () {}); }
      else { (pending[from] = pending[from] || []).push(data); }
    } else if (m.kind === "state" && data) {
      var bits = [];
      if (data.muted) { bits.push(t("muted")); }
      if (data.hand) { bits.push(t("hand")); }
      var li = document.querySelector("[data-person='" + from + "']");
      if (li) { li.setAttribute("data-state", bits.join(", ")); li.title = bits.join(", "); }
      var st = conns[from] && conns[from].connectionState === "connected" ? t("connected") : "";
      peerState(from, [st].concat(bits).filter(Boolean).join(", "));
    } else if (m.kind === "bye" && conns[from]) {
      conns[from].close();
      delete conns[from];
      peerState(from, "");
    }
  });

  function hello() { peers.forEach(function (p) { signal(p, "hello", null); }); }
  document.addEventListener("live:open", function () { if (started) { hello(); } });

  function hangUp() {
    if (!started) { return; }
    peers.forEach(function (p) { if (conns[p]) { signal(p, "bye", null); conns[p].close(); } });
    if (local) { local.getTracks().forEach(function (x) { x.stop(); }); }
    if (camera) { camera.getTracks().forEach(function (x) { x.stop(); }); }
    started = false;
  }
  window.addEventListener("pagehide", hangUp);

  function begin(stream) {
    local = stream;
    started = true;
    btn("talk-start").hidden = true;
    btn("talk-hand").hidden = false;
    if (config.video) { btn("talk-video").hidden = false; }
    if (stream) { btn("talk-mute").hidden = false; say(""); } else { say(t("listening")); }
    talk.setAttribute("data-started", "true");
    hello();
  }

  btn("talk-start").hidden = false;
  btn("talk-start").addEventListener("click", function () {
    navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true }, video: false })
      .then(begin)
      .catch(function () { begin(null); });
  });

  function broadcastState() { peers.forEach(function (p) { signal(p, "state", stateOf()); }); }

  btn("talk-mute").addEventListener("click", function () {
    muted = !muted;
    local.getAudioTracks().forEach(function (x) { x.enabled = !muted; });
    btn("talk-mute").setAttribute("aria-pressed", String(muted));
    btn("talk-mute").textContent = muted ? t("unmute") : t("mute");
    broadcastState();
  });

  btn("talk-hand").addEventListener("click", function () {
    hand = !hand;
    btn("talk-hand").setAttribute("aria-pressed", String(hand));
    btn("talk-hand").textContent = hand ? t("lower") : t("raise");
    broadcastState();
  });

  btn("talk-video").addEventListener("click", function () {
    if (camera) {
      camera.getTracks().forEach(function (x) { x.stop(); });
      camera = null;
      Object.keys(conns).forEach(function (id) { replaceVideo(conns[id], null); });
      btn("talk-video").setAttribute("aria-pressed", "false");
      btn("talk-video").textContent = t("camera-on");
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240, frameRate: 15 } }).then(function (s) {
      camera = s;
      Object.keys(conns).forEach(function (id) { replaceVideo(conns[id], s.getVideoTracks()[0]); });
      btn("talk-video").setAttribute("aria-pressed", "true");
      btn("talk-video").textContent = t("camera-off");
    }).catch(function () {});
  });

  function replaceVideo(pc, track) {
    pc.getTransceivers().forEach(function (tr) {
      if (tr.receiver.track && tr.receiver.track.kind === "video") { tr.sender.replaceTrack(track); }
    });
  }
})();
