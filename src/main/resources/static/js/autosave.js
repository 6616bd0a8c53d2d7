// Keeps what is typed in a form marked data-autosave in this browser's storage while typing, so a
// long report survives a closed tab, a lost connection or a session that expired before saving.
// The page says when it restored text; a page that confirms a save clears the stored copy. The copy
// is kept per account and with the version of the report it was typed on: it is restored only onto
// that same version, so a colleague's newer save is never overwritten, and never into a report that
// is no longer open for writing. It never holds hidden fields (a form key, an id, a version: a
// restored copy must not make the server take it for an earlier form) nor fields marked
// data-autosave-exclude (restricted data such as children's names), and signing out clears it.
(function () {
  'use strict';
  var prefix = 'portal.autosave.';
  // The server confirmed a save or a submit: the copies it names are done with.
  document.querySelectorAll('[data-autosave-clear]').forEach(function (marker) {
    marker.getAttribute('data-autosave-clear').split(' ').forEach(function (name) {
      if (name) {
        localStorage.removeItem(prefix + name);
      }
    });
  });
  // Signing out (often on a shared school computer) leaves nothing typed behind.
  document.querySelectorAll('form[data-autosave-signout]').forEach(function (signOut) {
    signOut.addEventListener('submit', function () {
      Object.keys(localStorage).forEach(function (name) {
        if (name.indexOf(prefix) === 0) {
          localStorage.removeItem(name);
        }
      });
    });
  });
  document.querySelectorAll('form[data-autosave]').forEach(function (form) {
    var key = prefix + form.getAttribute('data-autosave-key');
    var version = form.getAttribute('data-autosave-version');
    var fields = function () {
      return Array.prototype.filter.call(form.elements, function (field) {
        return field.name && field.name.charAt(0) !== '_' && field.type !== 'submit' && field.type !== 'file'
          && field.type !== 'button' && field.type !== 'hidden' && !field.hasAttribute('data-autosave-exclude');
      });
    };
    // A check box or radio button is kept by its name and value, and restored as checked or not.
    var choice = function (field) {
      return field.type === 'checkbox' || field.type === 'radio';
    };
    var keyOf = function (field) {
      return choice(field) ? field.name + '=' + field.value : field.name;
    };
    var valueOf = function (field) {
      return choice(field) ? field.checked : field.value;
    };
    var locked = form.querySelector('fieldset[disabled]') !== null;
    if (locked) {
      localStorage.removeItem(key);
    } else {
      var stored = JSON.parse(localStorage.getItem(key) || 'null');
      if (stored && stored.version === version) {
        var restored = false;
        fields().forEach(function (field) {
          var key = keyOf(field);
          if (Object.prototype.hasOwnProperty.call(stored.values, key) && valueOf(field) !== stored.values[key]) {
            if (choice(field)) {
              field.checked = stored.values[key];
            } else {
              field.value = stored.values[key];
            }
            restored = true;
          }
        });
        var notice = form.querySelector('[data-autosave-restored]');
        if (restored && notice) {
          notice.hidden = false;
        }
      }
    }
    var keep = function () {
      var values = {};
      fields().forEach(function (field) {
        values[keyOf(field)] = valueOf(field);
      });
      localStorage.setItem(key, JSON.stringify({ version: version, values: values }));
    };
    form.addEventListener('input', keep);
    form.addEventListener('change', keep);
  });
})();
