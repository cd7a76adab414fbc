// Door list: progressive enhancement. Without this file, or in a browser without BarcodeDetector,
// the code field is a plain form: type the code, or let a scanner that types fill it.
(function () {
  var button = document.getElementById("camera");
  var field = document.getElementById("code");
  var form = document.getElementById("code-form");
  var status = document.getElementById("camera-status");
  if (!button || !field || !form || !status || !("BarcodeDetector" in window)
      || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { return; }
  var detector;
  try { detector = new window.BarcodeDetector({ formats: ["qr_code"] }); } catch (e) { return; }
  var stream = null, video = null, timer = null;
  button.hidden = false;

  function say(text) { status.textContent = text || ""; }

  function stop() {
    if (timer) { clearTimeout(timer); timer = null; }
    if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; }
    if (video) { video.parentNode.removeChild(video); video = null; }
    button.textContent = button.getAttribute("data-start");
    button.setAttribute("aria-pressed", "false");
  }

  function look() {
    timer = null;
    if (!stream) { return; }
    detector.detect(video).then(function (found) {
      if (!stream) { return; }
      if (found.length > 0 && found[0].rawValue) {
        field.value = found[0].rawValue;
        stop();
        say("");
        if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
        return;
      }
      timer = setTimeout(look, 250);
    }).catch(function () { timer = setTimeout(look, 500); });
  }

  button.addEventListener("click", function () {
    if (stream) { stop(); say(""); return; }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (s) {
        stream = s;
        video = document.createElement("video");
        video.setAttribute("playsinline", "");
        video.muted = true;
        video.className = "camera";
        video.srcObject = s;
        status.parentNode.insertBefore(video, status);
        video.play();
        button.textContent = button.getAttribute("data-stop");
        button.setAttribute("aria-pressed", "true");
        say(button.getAttribute("data-point"));
        look();
      })
      .catch(function () { stop(); say(button.getAttribute("data-failed")); });
  });
})();
