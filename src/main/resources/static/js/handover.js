// Last step of a cookieless launch: posts the one-time handover code with the secret this tab kept since the
// login step (login-step.js). Another tab, or a page an attacker made from their own launch, has no such secret.
(function () {
  var form = document.getElementById('handover');
  if (!form) { return; }
  var key = 'cqpi.launch.' + form.dataset.state, secret = null;
  try { secret = sessionStorage.getItem(key); sessionStorage.removeItem(key); } catch (e) { secret = null; }
  if (!secret) { document.getElementById('handover-lost').hidden = false; return; }
  form.elements.page_secret.value = secret;
  form.submit();
})();
