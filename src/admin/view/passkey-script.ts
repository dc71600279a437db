/**
 * The passkey script, served as /admin/assets/passkeys.js after /admin/assets/webauthn.js
 * (@simplewebauthn/browser's bundle, served from node_modules: no CDN, no inline script). On the
 * login screen it offers "Log in with a passkey"; on the account screen it adds a passkey. Both
 * controls stay hidden in a browser without script or without WebAuthn, where the screens say so.
 */
export const passkeyScript = `(function () {
  'use strict';
  var lib = window.SimpleWebAuthnBrowser;
  if (!lib || !lib.browserSupportsWebAuthn()) return;

  function post(url, fields) {
    return fetch(url, {
      method: 'POST',
      body: new URLSearchParams(fields),
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        if (!response.ok) throw new Error((body && body.error && body.error.message) || '');
        return body;
      });
    });
  }
  // The words come from the screen, in the reader's language: data-msg-* on the control's container.
  function message(container, name, fallback) {
    return container.getAttribute('data-msg-' + name) || fallback;
  }
  function explain(container, error) {
    if (error && (error.name === 'NotAllowedError' || error.name === 'AbortError'))
      return message(container, 'cancelled', 'The passkey was not used: the request was cancelled or timed out.');
    if (error && error.name === 'InvalidStateError') return message(container, 'exists', 'This device has a passkey for your account already.');
    return (error && error.message) || message(container, 'failed', 'Something went wrong; try again.');
  }
  function say(element, text) {
    element.textContent = text;
    element.hidden = false;
  }
  document.querySelectorAll('[data-passkey-no-script]').forEach(function (hint) { hint.hidden = true; });

  var login = document.querySelector('[data-passkey-login]');
  if (login) {
    var loginButton = login.querySelector('button');
    var loginStatus = login.querySelector('[data-passkey-status]');
    login.hidden = false;
    loginButton.addEventListener('click', function () {
      var csrf = login.getAttribute('data-csrf') || '';
      var next = login.getAttribute('data-next') || '/admin';
      loginButton.disabled = true;
      loginStatus.hidden = true;
      post('/admin/passkeys/login/options', { _csrf: csrf })
        .then(function (options) { return lib.startAuthentication({ optionsJSON: options }); })
        .then(function (answer) { return post('/admin/passkeys/login', { _csrf: csrf, next: next, response: JSON.stringify(answer) }); })
        .then(function (done) { window.location.assign(done.location); })
        .catch(function (error) {
          loginButton.disabled = false;
          say(loginStatus, explain(login, error));
        });
    });
  }

  var add = document.querySelector('form[data-passkey-register]');
  if (add) {
    var addStatus = add.querySelector('[data-passkey-status]');
    var addButton = add.querySelector('button');
    add.hidden = false;
    add.addEventListener('submit', function (event) {
      event.preventDefault();
      var csrf = add.querySelector('input[name="_csrf"]').value;
      var name = add.querySelector('input[name="name"]').value.trim();
      if (name === '') return say(addStatus, message(add, 'name', 'Give the passkey a name, for example the device it is on.'));
      addButton.disabled = true;
      addStatus.hidden = true;
      post('/admin/account/passkeys/options', { _csrf: csrf })
        .then(function (options) { return lib.startRegistration({ optionsJSON: options }); })
        .then(function (answer) { return post('/admin/account/passkeys', { _csrf: csrf, name: name, response: JSON.stringify(answer) }); })
        .then(function (done) { window.location.assign(done.location); })
        .catch(function (error) {
          addButton.disabled = false;
          say(addStatus, explain(add, error));
        });
    });
  }
})();
`;
