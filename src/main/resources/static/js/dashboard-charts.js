// Draws each chart of the dashboard from the table beside it (the table stays: it is the chart's
// text for screen readers and for printing). Lines of on-time rates per month and bars of incidents
// per month stacked by category (a row a month, a column a series), units per score band.
(function () {
  'use strict';
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () {
      window.print();
    });
  });
  if (typeof Chart === 'undefined') {
    return;
  }
  var colours = ['#0b5ed7', '#146c43', '#b02a37', '#8a5a00', '#3d2f8f', '#0a5a5a', '#6c757d', '#58151c',
    '#495057', '#084298', '#0f5132', '#842029', '#664d03', '#432874'];
  var number = function (cell) {
    var value = cell.getAttribute('data-value');
    return (value === null || value === '') ? null : Number(value);
  };
  document.querySelectorAll('table[data-chart]').forEach(function (table) {
    var canvas = document.getElementById(table.getAttribute('data-canvas'));
    var kind = table.getAttribute('data-chart');
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr')).filter(function (row) {
      return row.querySelector('[data-value]');
    });
    if (!canvas || rows.length === 0) {
      return;
    }
    var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.textContent.trim();
    });
    var config;
    if (kind === 'line' || kind === 'stacked') {
      // A row per month, a column per series.
      var percent = table.getAttribute('data-percent') === 'true';
      var stacked = kind === 'stacked';
      config = {
        type: stacked ? 'bar' : 'line',
        data: {
          labels: rows.map(function (row) { return row.cells[0].textContent.trim(); }),
          datasets: headers.slice(1).map(function (header, i) {
            return {
              label: header,
              borderColor: colours[i % colours.length],
              backgroundColor: colours[i % colours.length],
              spanGaps: true,
              data: rows.map(function (row) {
                var value = number(row.cells[i + 1]);
                return (value === null) ? null : (percent ? Math.round(value * 1000) / 10 : value);
              })
            };
          })
        },
        options: stacked
          ? { animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
          : { animation: false, scales: { y: { min: 0, max: percent ? 100 : undefined } } }
      };
    } else {
      config = {
        type: 'bar',
        data: {
          labels: rows.map(function (row) { return row.cells[0].textContent.trim(); }),
          datasets: [{
            label: headers[1],
            backgroundColor: ['#b02a37', '#8a5a00', '#146c43', '#6c757d'],
            data: rows.map(function (row) { return number(row.cells[1]); })
          }]
        },
        options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
      };
    }
    if (config.data.datasets.length > 6) {
      // Many series (up to 14 incident categories): small legend boxes leave room for the bars.
      config.options.plugins = { legend: { labels: { boxWidth: 10, font: { size: 10 } } } };
    }
    config.options.maintainAspectRatio = false;
    new Chart(canvas, config);
  });
})();
