// Starts the embedded Jitsi room of a join page (only served with a CSP naming that Jitsi server).
(function () {
  var el = document.getElementById("jitsi");
  if (!el || typeof JitsiMeetExternalAPI === "undefined") {
    return;
  }
  new JitsiMeetExternalAPI(el.dataset.domain, {
    roomName: el.dataset.room,
    parentNode: el,
    width: "100%",
    height: 640,
    userInfo: { displayName: el.dataset.name }
  });
})();
