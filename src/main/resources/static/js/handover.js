// Last step of a cookieless launch: posts the one-time handover code with the secret kept since the login step
// (login-step.js), in this tab's sessionStorage (else its copy in the tool's localStorage of this LMS site) or, in a
// frame without storage, in the platform's storage. Another browser, or a page an attacker made from their own launch
// (another site, so other storage), has no such secret.
// When the login step also put the state in the platform's storage (lti_storage_target), the state is read back with
// lti.get_data first: a platform that answers with another value (or none) stops the launch; one that does not answer
// within 2 s leaves the tab's secret as the only check. Only answers from the platform's origins count.
(function () {
  var form = document.getElementById('handover');
  if (!form) { return; }
  var state = form.dataset.state, key = 'cqpi.launch.' + state, secret = null, done = false;
  var origins = (form.dataset.origins || '').split(' ').filter(Boolean);
  try { secret = sessionStorage.getItem(key); sessionStorage.removeItem(key); } catch (e) { secret = null; }
  // login-step.js kept it in localStorage too: read when this page was given a stale copy of the tab's sessionStorage.
  try {
    var kept = localStorage.getItem(key);
    localStorage.removeItem(key);
    if (!secret && kept) { secret = kept.split(' ')[0]; }
  } catch (e) { /* no localStorage in this frame */ }

  function lost() { done = true; document.getElementById('handover-lost').hidden = false; }
  function mismatch() { done = true; document.getElementById('handover-mismatch').hidden = false; }
  function go() {
    if (done) { return; }
    if (!secret) { lost(); return; }
    done = true;
    form.elements.page_secret.value = secret;
    form.submit();
  }

  var parent = window.parent !== window ? window.parent : window.opener;
  if (!form.dataset.target || !parent) { go(); return; }
  var target = parent;
  if (form.dataset.target !== '_parent') {
    try { target = parent.frames[form.dataset.target] || parent; } catch (e) { target = parent; }
  }
  var waiting = {};
  function ask(storageKey, then) {
    var id = (self.crypto && self.crypto.randomUUID) ? self.crypto.randomUUID() : String(Math.random()).slice(2);
    waiting[id] = then;
    // '*': Canvas does not yet take the authorization endpoint's origin as the target (its own documentation).
    target.postMessage({subject: 'lti.get_data', message_id: id, key: storageKey}, '*');
  }
  window.addEventListener('message', function (event) {
    var m = event.data;
    if (done || !m || typeof m !== 'object' || m.subject !== 'lti.get_data.response' || !waiting[m.message_id]) {
      return;
    }
    if (origins.indexOf(event.origin) < 0) { console.log('Storage answer from an unknown origin', event.origin); return; }
    var then = waiting[m.message_id];
    delete waiting[m.message_id];
    then(m.error ? null : m.value);
  });
  function checkState() {
    ask('state_' + state, function (value) { if (value !== state) { mismatch(); } else { go(); } });
  }
  if (secret) {
    checkState();
  } else {
    ask('cqpi_secret_' + state, function (value) {
      if (typeof value === 'string' && value) { secret = value; }
      target.postMessage({subject: 'lti.put_data', message_id: 'forget-' + state, key: 'cqpi_secret_' + state,
        value: null}, '*');
      checkState();
    });
  }
  setTimeout(go, 2000);
})();
