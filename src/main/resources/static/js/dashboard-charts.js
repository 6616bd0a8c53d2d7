// Draws each chart of the dashboard from the table beside it (the table stays: it is the chart's
// text for screen readers and for printing). Lines of on-time rates per month, incidents per month
// stacked by category, units per score band.
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
    if (kind === 'line') {
      var percent = table.getAttribute('data-percent') === 'true';
      config = {
        type: 'line',
        data: {
          labels: rows.map(function (row) { return row.cells[0].textContent.trim(); }),
          datasets: headers.slice(1).map(function (header, i) {
            return {
              label: header,
              borderColor: colours[i],
              backgroundColor: colours[i],
              spanGaps: true,
              data: rows.map(function (row) {
                var value = number(row.cells[i + 1]);
                return (value === null) ? null : (percent ? Math.round(value * 1000) / 10 : value);
              })
            };
          })
        },
        options: { animation: false, scales: { y: { min: 0, max: percent ? 100 : undefined } } }
      };
    } else if (kind === 'stacked') {
      var months = [];
      var series = [];
      rows.forEach(function (row) {
        var month = row.cells[0].textContent.trim();
        var name = row.cells[1].getAttribute('data-series');
        if (months.indexOf(month) < 0) { months.push(month); }
        if (series.indexOf(name) < 0) { series.push(name); }
      });
      config = {
        type: 'bar',
        data: {
          labels: months,
          datasets: series.map(function (name, i) {
            return {
              label: name,
              backgroundColor: colours[i % colours.length],
              data: months.map(function (month) {
                var total = 0;
                rows.forEach(function (row) {
                  if (row.cells[0].textContent.trim() === month && row.cells[1].getAttribute('data-series') === name) {
                    total += number(row.cells[2]);
                  }
                });
                return total;
              })
            };
          })
        },
        options: { animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
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
    config.options.maintainAspectRatio = false;
    new Chart(canvas, config);
  });
})();
