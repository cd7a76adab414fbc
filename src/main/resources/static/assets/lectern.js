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
