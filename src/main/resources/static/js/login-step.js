// Login step of a launch whose browser brings no cookie to the tool (LMS iframe, third-party cookies blocked).
// 1. Keeps the page secret in this tab's sessionStorage: only this tab can then finish the launch (handover.js).
// 2. When the platform offers client-side postMessage storage (lti_storage_target, Canvas), keeps the OIDC state
//    and nonce there too (lti.put_data to the frame it named); if the platform does not answer, goes on anyway.
// 3. Goes on to the platform's authorization endpoint.
(function () {
  var step = document.getElementById('login-step');
  if (!step) { return; }
  var data = step.dataset, done = false;
  try { sessionStorage.setItem('cqpi.launch.' + data.state, data.secret); } catch (e) { console.log('No sessionStorage', e); }
  function proceed() {
    if (!done) { done = true; window.location.replace(data.url); }
  }
  if (!data.target) { proceed(); return; }
  function frame(name) {
    var parent = window.parent !== window ? window.parent : window.opener;
    if (!parent) { return null; }
    if (name === '_parent') { return parent; }
    try { return parent.frames[name] || parent; } catch (e) { return parent; }
  }
  var target = frame(data.target);
  if (!target) { proceed(); return; }
  var pending = {};
  window.addEventListener('message', function (event) {
    var m = event.data;
    if (!m || typeof m !== 'object' || m.subject !== 'lti.put_data.response' || !pending[m.message_id]) { return; }
    delete pending[m.message_id];
    if (m.error) { console.log('Platform storage refused', m.error); }
    if (Object.keys(pending).length === 0) { proceed(); }
  });
  function put(key, value) {
    var id = (self.crypto && self.crypto.randomUUID) ? self.crypto.randomUUID() : String(Math.random()).slice(2);
    pending[id] = true;
    // '*': Canvas answers from a forwarding frame whose origin is not the authorization endpoint's.
    target.postMessage({subject: 'lti.put_data', message_id: id, key: key, value: value}, '*');
  }
  put('state_' + data.state, data.state);
  put('nonce_' + data.nonce, data.nonce);
  setTimeout(proceed, 5000);
})();
