// Vitrine's page script: no build step, no inline scripts (the Content-Security-Policy forbids them).
(function () {
  'use strict';

  // htmx requests carry the CSRF token from the layout's meta tags, as Spring Security expects.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header && token.content) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // A time-zone <select data-browser-zone> starts on the browser's own zone when the list has it
  // (the server renders Europe/Paris as the fallback).
  function preselectBrowserZone(root) {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    if (!zone) {
      return;
    }
    root.querySelectorAll('select[data-browser-zone]').forEach(function (select) {
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].value === zone) {
          select.value = zone;
          return;
        }
      }
    });
  }

  // Copy buttons for one-time secrets (API tokens, password links): <button data-copy="#id">.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button || !navigator.clipboard) {
      return;
    }
    var source = document.querySelector(button.getAttribute('data-copy'));
    if (source) {
      navigator.clipboard.writeText(source.value || source.textContent).then(function () {
        var done = button.getAttribute('data-copied');
        if (done) {
          button.textContent = done;
        }
      });
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    preselectBrowserZone(document);
  });
})();
