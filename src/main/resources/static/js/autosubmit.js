// Posts the form of an OIDC form_post response page (demo LMS) as soon as it loads.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('autosubmit');
  if (form) { form.submit(); }
});
