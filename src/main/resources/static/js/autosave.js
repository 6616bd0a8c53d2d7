// Keeps what is typed in a form marked data-autosave in this browser's storage while typing, so a
// long report survives a closed tab, a lost connection or a session that expired before saving.
// The page says when it restored text; a page that confirms a save clears the stored copy.
(function () {
  'use strict';
  document.querySelectorAll('form[data-autosave]').forEach(function (form) {
    var key = 'portal.autosave.' + form.getAttribute('data-autosave-key');
    var fields = function () {
      return Array.prototype.filter.call(form.elements, function (field) {
        return field.name && field.name.charAt(0) !== '_' && field.type !== 'hidden' && field.type !== 'submit'
          && field.type !== 'file';
      });
    };
    if (document.querySelector('[data-autosave-saved]')) {
      localStorage.removeItem(key);
    } else {
      var stored = localStorage.getItem(key);
      if (stored) {
        var values = JSON.parse(stored);
        var restored = false;
        fields().forEach(function (field) {
          if (Object.prototype.hasOwnProperty.call(values, field.name) && field.value !== values[field.name]) {
            field.value = values[field.name];
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
      localStorage.setItem(key, JSON.stringify(values));
    });
  });
})();
