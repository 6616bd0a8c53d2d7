// The incident form. Choosing a category checks the severity it suggests, unless the reporter has
// chosen one already (without this script the server applies the same default). A date-time field
// written dd/MM/yyyy HH:mm gets a button that opens the device's own date-time picker and writes
// its choice back in that form.
(function () {
  'use strict';
  var touched = false;
  document.querySelectorAll('input[name="severity"]').forEach(function (radio) {
    radio.addEventListener('change', function (event) {
      if (event.isTrusted) {
        touched = true;
      }
    });
    if (radio.checked) {
      touched = true;
    }
  });
  document.querySelectorAll('input[name="category"][data-default-severity]').forEach(function (radio) {
    radio.addEventListener('change', function () {
      if (touched || !radio.checked) {
        return;
      }
      var severity = document.querySelector('input[name="severity"][value="' + radio.getAttribute('data-default-severity') + '"]');
      if (severity) {
        severity.checked = true;
      }
    });
  });

  var two = function (n) {
    return (n < 10 ? '0' : '') + n;
  };
  var toPicker = function (text) {
    var m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})$/.exec(text.trim());
    return m ? m[3] + '-' + two(+m[2]) + '-' + two(+m[1]) + 'T' + two(+m[4]) + ':' + m[5] : '';
  };
  var fromPicker = function (value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
    return m ? m[3] + '/' + m[2] + '/' + m[1] + ' ' + m[4] + ':' + m[5] : '';
  };
  document.querySelectorAll('input[data-datetime-picker]').forEach(function (field) {
    var picker = document.createElement('input');
    picker.type = 'datetime-local';
    if (picker.type !== 'datetime-local' || typeof picker.showPicker !== 'function') {
      return;
    }
    picker.className = 'visually-hidden';
    picker.tabIndex = -1;
    picker.setAttribute('aria-hidden', 'true');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-outline-secondary';
    button.textContent = field.getAttribute('data-picker-label');
    button.setAttribute('aria-controls', field.id);
    button.addEventListener('click', function () {
      picker.value = toPicker(field.value);
      picker.showPicker();
    });
    picker.addEventListener('change', function () {
      var text = fromPicker(picker.value);
      if (text) {
        field.value = text;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    field.insertAdjacentElement('afterend', button);
    button.insertAdjacentElement('afterend', picker);
  });
})();
