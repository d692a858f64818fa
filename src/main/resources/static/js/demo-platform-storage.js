// Demo LMS: the platform side of the 1EdTech client-side postMessage storage (lti.put_data, lti.get_data),
// as Canvas offers it. Values are kept per tool origin, for this page's life.
(function () {
  var store = {};
  window.addEventListener('message', function (event) {
    var m = event.data;
    if (!m || typeof m !== 'object' || (m.subject !== 'lti.put_data' && m.subject !== 'lti.get_data')) { return; }
    var reply = {subject: m.subject + '.response', message_id: m.message_id, key: m.key};
    var byOrigin = store[event.origin] || (store[event.origin] = {});
    if (typeof m.key !== 'string' || m.key === '') {
      reply.error = {code: 'bad_request', message: 'key is required'};
    } else if (m.subject === 'lti.put_data') {
      byOrigin[m.key] = m.value;
      reply.value = m.value;
      document.documentElement.setAttribute('data-stored-keys', Object.keys(byOrigin).length);
    } else {
      reply.value = Object.prototype.hasOwnProperty.call(byOrigin, m.key) ? byOrigin[m.key] : null;
      var read = Number(document.documentElement.getAttribute('data-read-keys') || 0) + 1;
      document.documentElement.setAttribute('data-read-keys', String(read));
    }
    event.source.postMessage(reply, event.origin);
  });
})();
