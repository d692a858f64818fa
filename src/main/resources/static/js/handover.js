// Last step of a cookieless launch: posts the one-time handover code with the secret this tab kept since the
// login step (login-step.js). Another tab, or a page an attacker made from their own launch, has no such secret.
// When the login step also put the state in the platform's storage (lti_storage_target), the state is read
// back with lti.get_data first: a platform that answers with another value (or none) stops the launch; one that
// does not answer within 2 s leaves the tab's secret as the only check.
(function () {
  var form = document.getElementById('handover');
  if (!form) { return; }
  var state = form.dataset.state, key = 'cqpi.launch.' + state, secret = null, done = false;
  try { secret = sessionStorage.getItem(key); sessionStorage.removeItem(key); } catch (e) { secret = null; }
  if (!secret) { document.getElementById('handover-lost').hidden = false; return; }
  form.elements.page_secret.value = secret;
  function go() { if (!done) { done = true; form.submit(); } }
  function stop() { done = true; document.getElementById('handover-mismatch').hidden = false; }
  var parent = window.parent !== window ? window.parent : window.opener;
  if (!form.dataset.target || !parent) { go(); return; }
  var target = parent;
  if (form.dataset.target !== '_parent') {
    try { target = parent.frames[form.dataset.target] || parent; } catch (e) { target = parent; }
  }
  var id = (self.crypto && self.crypto.randomUUID) ? self.crypto.randomUUID() : String(Math.random()).slice(2);
  window.addEventListener('message', function (event) {
    var m = event.data;
    if (done || !m || typeof m !== 'object' || m.subject !== 'lti.get_data.response' || m.message_id !== id) { return; }
    if (m.error || m.value !== state) { stop(); } else { go(); }
  });
  // '*': Canvas answers from a forwarding frame whose origin is not the authorization endpoint's.
  target.postMessage({subject: 'lti.get_data', message_id: id, key: 'state_' + state}, '*');
  setTimeout(go, 2000);
})();
