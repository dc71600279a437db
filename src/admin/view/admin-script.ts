/**
 * The admin app's one script, served as a file (the CSP allows no inline script). Every screen
 * works without it; it adds the live Markdown preview, the colour preview in page settings and the
 * keyboard shortcuts of the on-call path.
 */
export const adminJs = `'use strict';
(function () {
  var csrf = document.querySelector('input[name="_csrf"]');

  // Markdown: the preview follows the text, rendered by the server with the page's own renderer.
  document.querySelectorAll('[data-markdown-field]').forEach(function (field) {
    var area = field.querySelector('textarea');
    var preview = field.querySelector('.preview');
    var output = field.querySelector('[data-preview-output]');
    if (!area || !preview || !output || !csrf) return;
    var timer = 0;
    var asked = 0;
    function refresh() {
      var mine = ++asked;
      var body = new URLSearchParams({ _csrf: csrf.value, source: area.value });
      fetch('/admin/markdown/preview', { method: 'POST', body: body, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          if (mine !== asked) return;
          output.innerHTML = html;
          preview.hidden = false;
        })
        .catch(function () {});
    }
    area.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    });
  });

  // Colours: each picker repaints the preview of the page's header, button and links as it moves;
  // moving it drops "Aviso's default", ticking that puts the default back.
  var sample = document.querySelector('[data-colour-preview]');
  document.querySelectorAll('input[data-colour]').forEach(function (input) {
    var box = document.querySelector('input[data-colour-default="' + input.name + '"]');
    var code = input.parentElement && input.parentElement.querySelector('code');
    function paint() {
      if (sample) sample.style.setProperty('--preview-' + input.getAttribute('data-colour'), input.value);
      if (code) code.textContent = input.value;
    }
    input.addEventListener('input', function () {
      if (box) box.checked = false;
      paint();
    });
    if (box) box.addEventListener('change', function () {
      if (box.checked) input.value = input.getAttribute('data-default-colour') || input.value;
      paint();
    });
  });

  // Keyboard shortcuts; never while typing in a field, never with a modifier other than Shift.
  var help = document.getElementById('shortcuts');
  document.querySelectorAll('[data-shortcuts-open]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { if (help) help.showModal(); });
  });
  function typing(target) {
    if (!(target instanceof Element)) return false;
    return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
  }
  function focusUpdate() {
    var area = document.querySelector('section[aria-labelledby="post-update"] textarea');
    if (!area) return false;
    area.scrollIntoView({ block: 'center' });
    area.focus();
    return true;
  }
  // After the browser's own move to the fragment, which would otherwise take the focus back.
  if (location.hash === '#post-update') {
    window.addEventListener('load', function () { setTimeout(focusUpdate, 0); });
  }
  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (typing(event.target)) return;
    if (help && help.open) return;
    var key = event.key;
    if (key === '?') {
      if (!help) return;
      event.preventDefault();
      help.showModal();
    } else if (key === 'n') {
      var create = document.querySelector('a[data-shortcut="n"]');
      if (!create) return;
      event.preventDefault();
      location.href = create.href;
    } else if (key === 'u') {
      if (focusUpdate()) {
        event.preventDefault();
        return;
      }
      var update = document.querySelector('a[data-shortcut="u"]');
      if (!update) return;
      event.preventDefault();
      location.href = update.href;
    } else if (key === '/') {
      var search = document.querySelector('[role="search"] input:not([type="hidden"]), input[type="search"]');
      if (!search) return;
      event.preventDefault();
      search.focus();
    }
  });
})();
`;
