// Every htmx request carries the CSRF token and, when the browser keeps no cookie for the tool
// (LMS iframe with third-party cookies blocked), the session header the page was given.
(function () {
  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }
  document.addEventListener('htmx:configRequest', function (event) {
    var header = meta('_csrf_header'), token = meta('_csrf'), session = meta('cqpi-session'), launch = meta('cqpi-launch');
    if (header && token) { event.detail.headers[header] = token; }
    if (launch) { event.detail.headers['X-CQPI-Launch'] = launch; }
    if (session) { event.detail.headers['X-CQPI-Session'] = session; }
  });
  document.addEventListener('DOMContentLoaded', function () {
    // Plain forms say which launch they belong to as well.
    var launch = meta('cqpi-launch');
    if (launch) {
      document.querySelectorAll('form[method=post]').forEach(function (form) {
        var field = document.createElement('input');
        field.type = 'hidden'; field.name = '_launch'; field.value = launch;
        form.appendChild(field);
      });
    }
  });
  if (meta('cqpi-session')) {
    // Links and forms then go through htmx, which adds the session header. Set now (this deferred script
    // runs before DOMContentLoaded), before htmx processes the page: setting it later boosts nothing.
    document.body.setAttribute('hx-boost', 'true');
  }
  // Back/forward when htmx has no cached copy (third-party storage is blocked too): the page is fetched
  // again, and that request needs the session header as well.
  document.addEventListener('htmx:historyCacheMiss', function (event) {
    var session = meta('cqpi-session');
    if (session) { event.detail.xhr.setRequestHeader('X-CQPI-Session', session); }
  });
  // A download (a document's PDF, an export): a plain download with the cookie; without one, fetched with the session header and saved.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-download]');
    var session = meta('cqpi-session');
    if (!link || !session) { return; }
    event.preventDefault();
    fetch(link.href, { headers: { 'X-CQPI-Session': session }, credentials: 'omit' })
      .then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        var named = /filename\*=UTF-8''([^;]+)/i.exec(r.headers.get('Content-Disposition') || '');
        return r.blob().then(function (blob) { return { blob: blob, name: named && decodeURIComponent(named[1]) }; });
      })
      .then(function (file) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(file.blob);
        a.download = file.name || link.pathname.split('/').slice(-2)[0] + '.pdf';
        document.body.appendChild(a); a.click(); a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
      })
      .catch(function () { window.alert(meta('cqpi-save-failed')); });
  });
  // An evidence file over the limit is refused before it is sent (the server refuses it too).
  document.addEventListener('htmx:confirm', function (event) {
    var form = event.target.closest && event.target.closest('form[data-max-bytes]');
    var input = form && form.querySelector('input[type=file]');
    if (!input || !input.files.length || input.files[0].size <= Number(form.getAttribute('data-max-bytes'))) { return; }
    event.preventDefault();
    var panel = form.closest('section') || form.parentNode;
    var out = panel.querySelector('.outcome');
    if (!out) { out = document.createElement('p'); panel.insertBefore(out, panel.querySelector('h3').nextSibling); }
    out.textContent = form.getAttribute('data-too-large');
    out.className = 'outcome error';
    out.setAttribute('role', 'alert');
  });
  // A page that htmx swapped in and that must post itself on (deep linking's answer to the platform).
  document.addEventListener('htmx:afterSettle', function () {
    var form = document.getElementById('autosubmit');
    if (form) { form.submit(); }
  });
})();

// Bloc tabs (WAI-ARIA tabs pattern): click or arrow keys, Home/End.
(function () {
  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }
  function select(tab) {
    var list = tab.closest('[role=tablist]');
    list.querySelectorAll('[role=tab]').forEach(function (t) {
      var on = t === tab;
      t.setAttribute('aria-selected', on ? 'true' : 'false');
      t.tabIndex = on ? 0 : -1;
      var panel = document.getElementById(t.getAttribute('aria-controls'));
      if (panel) { panel.hidden = !on; }
      // A bloc's evidence is loaded when its tab is first shown (the open bloc's with the page).
      if (panel && on && window.htmx) {
        panel.querySelectorAll('[hx-trigger="cqpi-shown"]').forEach(function (el) {
          window.htmx.trigger(el, 'cqpi-shown');
        });
      }
    });
    tab.focus();
    // « Next / previous learner » open the same bloc.
    var bloc = (tab.getAttribute('aria-controls') || '').replace('panel-', '');
    document.querySelectorAll('a[data-keep-bloc]').forEach(function (a) {
      var url = new URL(a.href, window.location.href);
      url.searchParams.set('bloc', bloc);
      a.setAttribute('href', url.pathname + url.search);
      // A boosted link (the page without cookies) keeps the URL htmx read: have it read the new one.
      if (window.htmx) { window.htmx.process(a); }
    });
  }
  document.addEventListener('click', function (e) {
    var tab = e.target.closest('[role=tab]');
    if (tab) { select(tab); }
    if (e.target.closest('[data-print]')) { window.print(); }
  });
  document.addEventListener('keydown', function (e) {
    var tab = e.target.closest && e.target.closest('[role=tab]');
    if (tab) {
      var tabs = Array.prototype.slice.call(tab.closest('[role=tablist]').querySelectorAll('[role=tab]'));
      var i = tabs.indexOf(tab), next = null;
      if (e.key === 'ArrowRight') { next = tabs[(i + 1) % tabs.length]; }
      if (e.key === 'ArrowLeft') { next = tabs[(i - 1 + tabs.length) % tabs.length]; }
      if (e.key === 'Home') { next = tabs[0]; }
      if (e.key === 'End') { next = tabs[tabs.length - 1]; }
      if (next) { e.preventDefault(); select(next); }
      return;
    }
    // Ctrl+Enter in a comment saves the criterion.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.target.tagName === 'TEXTAREA' && e.target.form) {
      e.preventDefault();
      e.target.form.requestSubmit();
    }
  });
  // A save that fails (network, server error) says so where the trainer looks.
  function failed(e) {
    var form = e.detail.elt && e.detail.elt.closest && e.detail.elt.closest('form');
    var out = form && form.querySelector('.outcome');
    if (out) {
      out.textContent = meta('cqpi-save-failed');
      out.className = 'outcome error';
      out.setAttribute('role', 'alert');
    }
  }
  document.addEventListener('htmx:responseError', failed);
  document.addEventListener('htmx:sendError', failed);
  // One key per status in a criterion (the keys are the radios' data-key, announced on the page): the status is
  // chosen, saved at once (the form saves on change), and the focus goes on to the next criterion of the bloc.
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || !e.key || e.key.length !== 1) { return; }
    var form = e.target.closest && e.target.closest('form.judgment');
    if (!form || e.target.tagName === 'TEXTAREA' || e.target.tagName === 'SELECT'
        || (e.target.tagName === 'INPUT' && e.target.type !== 'radio')) { return; }
    var key = e.key.toUpperCase();
    var radio = Array.prototype.find.call(form.querySelectorAll('input[name=status]'), function (r) {
      return (r.getAttribute('data-key') || '').toUpperCase() === key;
    });
    if (!radio || radio.disabled) { return; }
    e.preventDefault();
    var criterion = form.closest('.criterion');
    var all = Array.prototype.slice.call(criterion.closest('[role=tabpanel]').querySelectorAll('.criterion'));
    var next = all[all.indexOf(criterion) + 1];
    if (!radio.checked) {
      radio.checked = true;
      radio.dispatchEvent(new Event('change', { bubbles: true }));
    }
    var target = next && (next.querySelector('input[name=status]:checked:not(:disabled)')
        || next.querySelector('input[name=status]:not(:disabled)'));
    // The last criterion (or one before a decided bloc's): the focus stays on the status just chosen, not on the
    // radio the key was pressed on.
    (target || radio).focus();
  });
  // The server keeps a comment without the spaces and line breaks around it: a comment that differs only by them
  // is the one saved.
  function sameComment(a, b) { return (a || '').trim() === (b || '').trim(); }
  // What is typed in a comment while an earlier save of the criterion is on its way is not lost when the
  // answer replaces the criterion: it is put back, and saved in turn when that save succeeded.
  var typing = {};
  document.addEventListener('htmx:beforeSwap', function (e) {
    var target = e.detail.target;
    if (!target || !target.classList || !target.classList.contains('criterion')) { return; }
    var comment = target.querySelector('textarea[name=comment]');
    if (comment && !sameComment(comment.value, comment.defaultValue)) { typing[target.id] = comment.value; }
  });
  document.addEventListener('htmx:afterSwap', function (e) {
    var target = e.detail.target;
    if (!target || !target.classList || !target.classList.contains('criterion')) { return; }
    var fresh = document.getElementById(target.id);
    if (!fresh) { return; }
    var typed = typing[target.id];
    delete typing[target.id];
    var comment = fresh.querySelector('textarea[name=comment]');
    // Not into a disabled field (the jury decided the bloc meanwhile): the answer gives the typed comment to copy.
    if (typed !== undefined && comment && !comment.disabled && !sameComment(typed, comment.value)) {
      comment.value = typed;
      comment.closest('details').open = true;
      fresh.classList.add('unsaved');
      if (e.detail.xhr && e.detail.xhr.status === 200) { htmx.trigger(comment.form, 'change'); }
    }
    // Keep keyboard focus in the criterion that was just saved after htmx replaced it.
    if (!document.activeElement || document.activeElement === document.body) {
      var radio = fresh.querySelector('input[name=status]:checked') || fresh.querySelector('button[type=submit]');
      if (radio) { radio.focus(); }
    }
  });
})();

// Nothing a trainer types is lost: leaving the page (a link, closing the tab, an htmx navigation when the page
// runs without cookies) with a criterion changed and not saved asks first. A criterion's form is unsaved when a
// field differs from what the server rendered, or when the server sent back what was typed without saving it
// (a conflict with another trainer, a refusal: data-unsaved). A successful save renders a fresh form.
(function () {
  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }
  function defaultIndex(select) {
    var index = 0;
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].defaultSelected) { index = i; }
    }
    return index;
  }
  function unsaved(form) {
    if (form.hasAttribute('data-unsaved')) { return true; }
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      // A disabled field (a bloc the jury decided) cannot be saved, so it holds nothing to lose; a comment is saved
      // without the spaces and line breaks around it.
      if (el.disabled) { continue; }
      if (el.tagName === 'TEXTAREA' && el.value.trim() !== el.defaultValue.trim()) { return true; }
      if (el.tagName === 'SELECT' && !el.multiple && el.selectedIndex !== defaultIndex(el)) { return true; }
      if (el.type === 'radio' && el.checked !== el.defaultChecked) { return true; }
    }
    return false;
  }
  function unsavedIn(scope) {
    return Array.prototype.filter.call(scope.querySelectorAll('form.judgment'), unsaved);
  }
  window.cqpiUnsavedForms = function () { return unsavedIn(document).length; };
  // Marks the criterion being changed (a stripe in the margin), so that the trainer sees what is not saved yet.
  function mark(e) {
    var form = e.target.form;
    if (form && form.classList.contains('judgment')) {
      form.closest('.criterion').classList.toggle('unsaved', unsaved(form));
    }
  }
  document.addEventListener('input', mark);
  document.addEventListener('change', mark);
  window.addEventListener('beforeunload', function (e) {
    if (unsavedIn(document).length > 0) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
  // Requests that replace unsaved criteria ask first: a bulk action replaces its compétence, anything else but a
  // criterion's own save (or its « keep this value ») may replace the page. The bulk action's question says what
  // happens to the comments and modalities, by the choice ticked.
  document.addEventListener('htmx:confirm', function (e) {
    var elt = e.detail.elt;
    if (!elt || !elt.closest || elt.closest('.criterion')) { return; }
    var bulk = elt.closest('form.bulk');
    var lost = unsavedIn(bulk ? bulk.closest('.competence') || document : document);
    var question = e.detail.question;
    if (bulk) {
      var replace = bulk.querySelector('input[name=replace]');
      if (replace && replace.checked && bulk.getAttribute('data-confirm-replace')) {
        question = bulk.getAttribute('data-confirm-replace');
      }
    }
    if (lost.length === 0 && question === e.detail.question) { return; }
    e.preventDefault();
    var text = [lost.length > 0 ? meta('cqpi-unsaved') : null, question].filter(Boolean).join('\n\n');
    if (window.confirm(text)) { e.detail.issueRequest(true); }
  });
  // On a phone the cohort's filters fold into « Filtres » (issue 21: five fields filled the first screen before any
  // learner), unless one is in use; on a wider screen they stay open, the summary hidden. Without script: open.
  var NARROW = window.matchMedia('(max-width: 700px)');
  function fold(root) {
    (root.querySelectorAll ? root : document).querySelectorAll('details[data-fold-narrow]').forEach(function (panel) {
      var inUse = Array.prototype.some.call(panel.querySelectorAll('input[type=search], select'), function (field) {
        return field.value !== '';
      });
      panel.open = !NARROW.matches || inUse;
    });
  }
  document.addEventListener('DOMContentLoaded', function () { fold(document); });
  document.addEventListener('htmx:load', function (e) { fold(e.target); });
  NARROW.addEventListener('change', function () {
    if (!NARROW.matches) { fold(document); }
  });
})();
