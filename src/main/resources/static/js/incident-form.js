// The incident form: choosing a category checks the severity it suggests, unless the reporter has
// chosen a severity already. Without this script the server applies the same default.
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
})();
