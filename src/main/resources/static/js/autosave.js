// Keeps what is typed in a form marked data-autosave in this browser's storage while typing, so a
// long report survives a closed tab, a lost connection or a session that expired before saving.
// The page says when it restored text; a page that confirms a save clears the stored copy. The copy
// is kept per account and with the version of the report it was typed on: it is restored only onto
// that same version, so a colleague's newer save is never overwritten, and never into a report that
// is no longer open for writing.
(function () {
  'use strict';
  document.querySelectorAll('form[data-autosave]').forEach(function (form) {
    var key = 'portal.autosave.' + form.getAttribute('data-autosave-key');
    var version = form.getAttribute('data-autosave-version');
    var fields = function () {
      return Array.prototype.filter.call(form.elements, function (field) {
        return field.name && field.name.charAt(0) !== '_' && field.type !== 'hidden' && field.type !== 'submit'
          && field.type !== 'file';
      });
    };
    var locked = form.querySelector('fieldset[disabled]') !== null;
    if (document.querySelector('[data-autosave-saved]') || locked) {
      localStorage.removeItem(key);
    } else {
      var stored = JSON.parse(localStorage.getItem(key) || 'null');
      if (stored && stored.version === version) {
        var restored = false;
        fields().forEach(function (field) {
          if (Object.prototype.hasOwnProperty.call(stored.values, field.name) && field.value !== stored.values[field.name]) {
            field.value = stored.values[field.name];
            restored = true;
          }
        });
        var notice = form.querySelector('[data-autosave-restored]');
        if (restored && notice) {
          notice.hidden = false;
        }
      }
    }
    form.addEventListener('input', function () {
      var values = {};
      fields().forEach(function (field) {
        values[field.name] = field.value;
      });
      localStorage.setItem(key, JSON.stringify({ version: version, values: values }));
    });
  });
})();
