// Login step of a launch whose browser may not bring the tool's cookie back (LMS iframe of another site).
// 1. Keeps the page secret in this tab's sessionStorage, and a copy in localStorage: only a page of the tool in this
//    browser and LMS site can then finish the launch (handover.js), and only the frame the platform answers gets its code.
// 2. When the platform offers client-side postMessage storage (lti_storage_target, Canvas), keeps the OIDC state
//    and nonce there too, and the secret when this frame has no storage of its own.
// 3. Goes on to the platform's authorization endpoint, unless the frame kept the secret nowhere: then, if the
//    session cookie this page set came back (a partitioned cookie), the launch binds to it; otherwise the same login
//    is offered in a new tab, where cookies and storage are first-party.
(function () {
  var step = document.getElementById('login-step');
  if (!step) { return; }
  var data = step.dataset, done = false, kept = false, key = 'cqpi.launch.' + data.state;
  try {
    sessionStorage.setItem(key, data.secret);
    kept = sessionStorage.getItem(key) === data.secret;
  } catch (e) { kept = false; }
  // The same secret in localStorage, which every document of the tool's origin inside this LMS site reads alike:
  // Chromium can give the handover page a copy of this tab's sessionStorage taken before this page wrote in it (a
  // page of the tool's own site earlier in the tab, kept in the back/forward cache). Launches older than the
  // server's state are forgotten here.
  try {
    var now = Date.now();
    for (var i = localStorage.length - 1; i >= 0; i--) {
      var name = localStorage.key(i), value = name && name.indexOf('cqpi.launch.') === 0 ? localStorage.getItem(name) : null;
      if (value !== null && !(now - Number(value.split(' ')[1]) < 600000)) { localStorage.removeItem(name); }
    }
    localStorage.setItem(key, data.secret + ' ' + now);
    kept = kept || localStorage.getItem(key) === data.secret + ' ' + now;
  } catch (e) { /* storage of this frame refused: kept says whether sessionStorage took it */ }

  function proceed() {
    if (!done) { done = true; window.location.replace(data.url); }
  }
  function offerNewTab() {
    done = true;
    document.getElementById('login-step-status').hidden = true;
    document.getElementById('login-step-new-tab').hidden = false;
    var link = document.getElementById('new-tab-link');
    link.addEventListener('click', function () { document.getElementById('new-tab-opened').hidden = false; });
    link.focus();
  }
  function proceedIfBound() {
    if (done) { return; }
    if (kept) { proceed(); return; }
    fetch(data.probe, {credentials: 'same-origin', cache: 'no-store'})
      .then(function (r) { return r.ok ? r.json() : {cookies: false}; })
      .then(function (answer) { if (answer && answer.cookies === true) { proceed(); } else { offerNewTab(); } },
            offerNewTab);
  }

  function frame(name) {
    var parent = window.parent !== window ? window.parent : window.opener;
    if (!parent) { return null; }
    if (name === '_parent') { return parent; }
    try { return parent.frames[name] || parent; } catch (e) { return parent; }
  }
  var target = data.target ? frame(data.target) : null;
  if (!target) { proceedIfBound(); return; }
  var pending = {}, secretId = null;
  window.addEventListener('message', function (event) {
    var m = event.data;
    if (!m || typeof m !== 'object' || m.subject !== 'lti.put_data.response' || !pending[m.message_id]) { return; }
    delete pending[m.message_id];
    if (m.error) { console.log('Platform storage refused', m.error); }
    else if (m.message_id === secretId) { kept = true; }
    if (Object.keys(pending).length === 0) { proceedIfBound(); }
  });
  function put(key, value) {
    var id = (self.crypto && self.crypto.randomUUID) ? self.crypto.randomUUID() : String(Math.random()).slice(2);
    pending[id] = true;
    // '*': Canvas does not yet take the authorization endpoint's origin as the target (its own documentation).
    target.postMessage({subject: 'lti.put_data', message_id: id, key: key, value: value}, '*');
    return id;
  }
  put('state_' + data.state, data.state);
  put('nonce_' + data.nonce, data.nonce);
  if (!kept) { secretId = put('cqpi_secret_' + data.state, data.secret); }
  setTimeout(proceedIfBound, 5000);
})();
