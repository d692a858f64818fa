// Login step of the 1EdTech client-side postMessage storage: keeps the OIDC state and nonce in the
// platform's storage (lti.put_data to the frame named by lti_storage_target), then goes on to the
// platform's authorization endpoint. When the platform does not answer, it goes on anyway: the state is
// also kept by the tool's database.
(function () {
  var step = document.getElementById('storage-step');
  if (!step) { return; }
  var data = step.dataset, done = false;
  function proceed() {
    if (!done) { done = true; window.location.href = data.url; }
  }
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
