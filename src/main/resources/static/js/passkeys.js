// Passkeys (WebAuthn): sign-in on the login page, registration and removal on the
// second-factor page. Talks to Spring Security's endpoints with the page's CSRF token.
(function () {
  'use strict';
  if (!window.PublicKeyCredential || !navigator.credentials) {
    return;
  }

  function decode(value) {
    var base64 = value.replace(/-/g, '+').replace(/_/g, '/');
    var binary = atob(base64 + '='.repeat((4 - base64.length % 4) % 4));
    return Uint8Array.from(binary, function (c) { return c.charCodeAt(0); }).buffer;
  }

  function encode(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function csrf(form) {
    var token = form.querySelector('input[name="_csrf"]');
    return token ? { 'X-CSRF-TOKEN': token.value } : {};
  }

  function send(form, method, url, body) {
    var headers = Object.assign({ 'Content-Type': 'application/json' }, csrf(form));
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.status === 204 ? {} : response.json();
      });
  }

  var login = document.getElementById('passkey-login');
  if (login) {
    login.hidden = false;
    var loginError = document.getElementById('passkey-login-error');
    login.addEventListener('submit', function (event) {
      event.preventDefault();
      loginError.textContent = '';
      send(login, 'POST', '/webauthn/authenticate/options').then(function (options) {
        options.challenge = decode(options.challenge);
        options.allowCredentials = (options.allowCredentials || []).map(function (c) {
          return Object.assign({}, c, { id: decode(c.id) });
        });
        return navigator.credentials.get({ publicKey: options });
      }).then(function (credential) {
        var response = credential.response;
        return send(login, 'POST', login.getAttribute('action'), {
          id: credential.id,
          rawId: encode(credential.rawId),
          response: {
            authenticatorData: encode(response.authenticatorData),
            clientDataJSON: encode(response.clientDataJSON),
            signature: encode(response.signature),
            userHandle: response.userHandle ? encode(response.userHandle) : null
          },
          credType: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment
        });
      }).then(function (result) {
        if (result.authenticated) {
          window.location.href = result.redirectUrl || '/';
        }
        else {
          throw new Error('not authenticated');
        }
      }).catch(function () {
        loginError.textContent = loginError.dataset.failed;
      });
    });
  }

  var register = document.getElementById('passkey-register');
  if (register) {
    var label = document.getElementById('passkey-label');
    var error = document.getElementById('passkey-error');
    var fail = function (message) {
      label.classList.add('is-invalid');
      error.textContent = message;
    };
    register.addEventListener('submit', function (event) {
      event.preventDefault();
      label.classList.remove('is-invalid');
      if (!label.value.trim()) {
        fail(error.dataset.empty);
        return;
      }
      send(register, 'POST', '/webauthn/register/options').then(function (options) {
        options.challenge = decode(options.challenge);
        options.user = Object.assign({}, options.user, { id: decode(options.user.id) });
        options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
          return Object.assign({}, c, { id: decode(c.id) });
        });
        return navigator.credentials.create({ publicKey: options });
      }).then(function (credential) {
        var response = credential.response;
        return send(register, 'POST', register.getAttribute('action'), {
          publicKey: {
            credential: {
              id: credential.id,
              rawId: encode(credential.rawId),
              response: {
                attestationObject: encode(response.attestationObject),
                clientDataJSON: encode(response.clientDataJSON),
                transports: response.getTransports ? response.getTransports() : []
              },
              type: credential.type,
              clientExtensionResults: credential.getClientExtensionResults(),
              authenticatorAttachment: credential.authenticatorAttachment
            },
            label: label.value.trim()
          }
        });
      }).then(function (result) {
        if (!result.success) {
          throw new Error('not registered');
        }
        window.location.reload();
      }).catch(function () {
        fail(error.dataset.failed);
      });
    });
    document.querySelectorAll('[data-passkey-delete]').forEach(function (button) {
      button.addEventListener('click', function () {
        send(register, 'DELETE', '/webauthn/register/' + encodeURIComponent(button.dataset.passkeyDelete))
          .then(function () { window.location.reload(); })
          .catch(function () { fail(error.dataset.failed); });
      });
    });
  }
}());
