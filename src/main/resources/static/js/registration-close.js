// LTI Dynamic Registration §3.6: tell the platform the registration is complete.
(function () {
  var target = window.opener || window.parent;
  if (target && target !== window) {
    target.postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
  }
})();
