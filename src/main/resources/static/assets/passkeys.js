// Passkeys (WebAuthn). Forms marked data-passkey post as usual; this script first asks the server
// for options (a fresh challenge), lets the browser create or use a passkey, puts the result in the
// form's hidden "credential" field and then submits the form. Without this script (or without
// WebAuthn in the browser) the form posts empty and the server says that a passkey needs
// JavaScript; the password and the authenticator app work without it.
(function () {
  "use strict";

  function b64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var s = "";
    for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
    return window.btoa(s).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  }

  function bytes(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) { b64 += "="; }
    var bin = window.atob(b64);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); }
    return out.buffer;
  }

  function descriptors(list) {
    return (list || []).map(function (c) {
      var d = { type: c.type, id: bytes(c.id) };
      if (c.transports) { d.transports = c.transports; }
      return d;
    });
  }

  function creationOptions(o) {
    var copy = Object.assign({}, o);
    copy.challenge = bytes(o.challenge);
    copy.user = Object.assign({}, o.user, { id: bytes(o.user.id) });
    copy.excludeCredentials = descriptors(o.excludeCredentials);
    if (typeof copy.timeout !== "number") { delete copy.timeout; }
    return copy;
  }

  function requestOptions(o) {
    var copy = Object.assign({}, o);
    copy.challenge = bytes(o.challenge);
    copy.allowCredentials = descriptors(o.allowCredentials);
    if (typeof copy.timeout !== "number") { delete copy.timeout; }
    return copy;
  }

  function created(cred) {
    var r = cred.response;
    return {
      id: cred.id,
      rawId: b64url(cred.rawId),
      type: cred.type,
      response: {
        attestationObject: b64url(r.attestationObject),
        clientDataJSON: b64url(r.clientDataJSON),
        transports: r.getTransports ? r.getTransports() : []
      },
      clientExtensionResults: cred.getClientExtensionResults(),
      authenticatorAttachment: cred.authenticatorAttachment
    };
  }

  function asserted(cred) {
    var r = cred.response;
    return {
      id: cred.id,
      rawId: b64url(cred.rawId),
      type: cred.type,
      response: {
        authenticatorData: b64url(r.authenticatorData),
        clientDataJSON: b64url(r.clientDataJSON),
        signature: b64url(r.signature),
        userHandle: r.userHandle ? b64url(r.userHandle) : null
      },
      clientExtensionResults: cred.getClientExtensionResults(),
      authenticatorAttachment: cred.authenticatorAttachment
    };
  }

  // The button and the status line are inside the form, or name it from outside (form="…").
  function part(form, inside, outside) {
    return form.querySelector(inside) || (form.id ? document.querySelector(outside) : null);
  }

  function say(form, text) {
    var status = part(form, "[data-passkey-status]", "[data-passkey-status='" + form.id + "']");
    if (status) { status.textContent = text; }
  }

  function options(form) {
    var token = form.querySelector("input[name=_csrf]");
    var headers = { "Accept": "application/json" };
    if (token) { headers["X-CSRF-TOKEN"] = token.value; }
    return fetch(form.getAttribute("data-options"), {
      method: "POST", headers: headers, credentials: "same-origin"
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (body) {
        if (res.status === 401 && body.stepUp) {
          // The second factor is not fresh: confirm it first, then come back.
          location.href = body.stepUp;
          return null;
        }
        if (!res.ok) { throw new Error("HTTP " + res.status); }
        return body;
      });
    });
  }

  function run(form) {
    var kind = form.getAttribute("data-passkey");
    var field = form.querySelector("input[name=credential]");
    var button = part(form, "button[type=submit]", "button[form='" + form.id + "']");
    if (kind === "register") {
      var name = form.querySelector("input[name=name]");
      if (name && !name.value.trim()) {
        // Let the browser's own required-field message (and the server's) speak.
        form.reportValidity();
        return;
      }
    }
    if (button) { button.disabled = true; }
    say(form, "");
    options(form).then(function (o) {
      if (o === null) { return null; }
      if (kind === "register") {
        return navigator.credentials.create({ publicKey: creationOptions(o) }).then(created);
      }
      return navigator.credentials.get({ publicKey: requestOptions(o) }).then(asserted);
    }).then(function (result) {
      if (result === null) { return; }
      field.value = JSON.stringify(result);
      form.submit();
    }).catch(function () {
      if (button) { button.disabled = false; }
      say(form, form.getAttribute("data-failed"));
    });
  }

  document.querySelectorAll("form[data-passkey]").forEach(function (form) {
    if (!window.PublicKeyCredential || !navigator.credentials || !window.fetch) {
      say(form, form.getAttribute("data-unsupported"));
      return;
    }
    form.addEventListener("submit", function (ev) {
      var field = form.querySelector("input[name=credential]");
      if (field && field.value) { return; }
      ev.preventDefault();
      run(form);
    });
  });
})();
