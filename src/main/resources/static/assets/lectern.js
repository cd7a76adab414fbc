// Progressive enhancement only: every page works without this file.
(function () {
  // Show times in the visitor's own zone: remember the browser's zone once, then reload.
  try {
    var tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tz && document.cookie.indexOf("tz=") === -1 && sessionStorage.getItem("tzTried") !== "1") {
      sessionStorage.setItem("tzTried", "1");
      document.cookie = "tz=" + encodeURIComponent(tz) + "; path=/; max-age=31536000; samesite=lax";
      if (document.querySelector("[data-zoned]")) { location.reload(); }
    }
  } catch (e) { /* old browser: the page already names the zone it uses */ }
})();

// Uploads: show how much of a large file has been sent. Without this the form posts as usual; if
// anything here fails, it does too.
(function () {
  if (!window.XMLHttpRequest || !window.FormData) { return; }
  document.querySelectorAll("form[data-upload-progress]").forEach(function (form) {
    form.addEventListener("submit", function (ev) {
      var input = form.querySelector("input[type=file]");
      var box = form.querySelector(".upload-progress");
      if (!input || !input.files.length || !box) { return; }
      ev.preventDefault();
      var bar = box.querySelector("progress");
      var status = box.querySelector("[data-upload-status]");
      var button = form.querySelector("button[type=submit]");
      box.hidden = false;
      if (button) { button.disabled = true; }
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) {
          var pct = Math.floor(100 * e.loaded / e.total);
          bar.value = pct;
          status.textContent = pct + " %";
        }
      };
      xhr.responseType = "document";
      xhr.onload = function () {
        // A redirect (the preview) was followed: go there. Otherwise show the page that came back
        // (the form again, with its error); its own scripts are not needed to use it.
        var doc = xhr.response;
        if (xhr.responseURL && xhr.responseURL.split("#")[0] !== form.action) {
          location.href = xhr.responseURL;
        } else if (doc && doc.body) {
          document.title = doc.title;
          document.body.replaceWith(document.importNode(doc.body, true));
          var summary = document.getElementById("error-summary");
          if (summary) { summary.focus(); }
        } else {
          form.submit();
        }
      };
      xhr.onerror = function () { if (button) { button.disabled = false; } form.submit(); };
      xhr.send(new FormData(form));
    });
  });
})();

// The programme's menu is open without scripts (a plain list); on a phone, fold it under its
// summary so the page's own content comes first.
(function () {
  if (!window.matchMedia || !window.matchMedia("(max-width: 47.99rem)").matches) { return; }
  document.querySelectorAll("details[data-narrow-collapse]").forEach(function (d) {
    d.removeAttribute("open");
  });
})();
