// The dashboard's charts, each drawn from the table that carries its figures (the table stays the accessible
// version). Each series gets a colour and a hatching, so that no chart is read by colour alone.
(function () {
  var COLOURS = ['#5a6478', '#8a5a00', '#1b6e3a', '#a4262c', '#1f4e79', '#6b2d86', '#8a3b12'];
  var HATCHES = ['none', 'diagonal', 'dots', 'cross', 'horizontal', 'vertical', 'grid'];

  function hatch(colour, kind) {
    var size = 10;
    var tile = document.createElement('canvas');
    tile.width = size; tile.height = size;
    var g = tile.getContext('2d');
    g.fillStyle = colour; g.fillRect(0, 0, size, size);
    g.strokeStyle = 'rgba(255,255,255,0.85)'; g.fillStyle = 'rgba(255,255,255,0.85)'; g.lineWidth = 2;
    g.beginPath();
    if (kind === 'diagonal') { g.moveTo(0, size); g.lineTo(size, 0); }
    if (kind === 'cross') { g.moveTo(0, 0); g.lineTo(size, size); g.moveTo(0, size); g.lineTo(size, 0); }
    if (kind === 'horizontal') { g.moveTo(0, size / 2); g.lineTo(size, size / 2); }
    if (kind === 'vertical') { g.moveTo(size / 2, 0); g.lineTo(size / 2, size); }
    if (kind === 'grid') { g.moveTo(size / 2, 0); g.lineTo(size / 2, size); g.moveTo(0, size / 2); g.lineTo(size, size / 2); }
    g.stroke();
    if (kind === 'dots') { g.beginPath(); g.arc(size / 2, size / 2, 1.8, 0, Math.PI * 2); g.fill(); }
    return g.createPattern(tile, 'repeat');
  }

  function read(table) {
    var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
      var label = tr.querySelector('th');
      return {
        label: label.getAttribute('data-label') || label.textContent.trim(),
        values: Array.prototype.map.call(tr.querySelectorAll('td'), function (td) { return Number(td.textContent.trim()); })
      };
    });
    return { series: headers.slice(1), rows: rows };
  }

  function config(kind, data, oneDay) {
    if (kind === 'line' && oneDay) { return dayBars(data); }
    var labels = data.rows.map(function (r) { return r.label; });
    var datasets = data.series.map(function (name, i) {
      var colour = COLOURS[i % COLOURS.length];
      return {
        label: name,
        data: data.rows.map(function (r) { return r.values[i]; }),
        backgroundColor: kind === 'line' ? colour : hatch(colour, HATCHES[i % HATCHES.length]),
        borderColor: colour,
        borderWidth: kind === 'line' ? 3 : 1,
        borderDash: kind === 'line' && i === 1 ? [6, 4] : undefined,
        pointStyle: ['circle', 'rectRot', 'triangle'][i % 3],
        pointRadius: kind === 'line' ? 4 : undefined
      };
    });
    var stacked = kind === 'stacked';
    return {
      type: kind === 'line' ? 'line' : 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: kind === 'line' ? 'x' : 'y',
        // The legend is drawn in HTML beside the chart (legend below): a canvas legend cannot wrap a long label.
        plugins: { legend: { display: false } },
        scales: kind === 'line'
          ? { y: { beginAtZero: true, max: 100 } }
          : { x: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: stacked } }
      }
    };
  }

  // The cohort's progress when every judgment is from one day: a line would be a single dot; one bar per series
  // (evaluated, met) on a 0-100 scale says the day's figures.
  function dayBars(data) {
    var values = data.series.map(function (name, i) { return data.rows[0].values[i]; });
    return {
      type: 'bar',
      data: {
        labels: data.series,
        datasets: [{
          label: data.rows[0].label,
          data: values,
          backgroundColor: data.series.map(function (name, i) { return hatch(COLOURS[i % COLOURS.length], HATCHES[i % HATCHES.length]); }),
          borderColor: data.series.map(function (name, i) { return COLOURS[i % COLOURS.length]; }),
          borderWidth: 1
        }]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: 'y',
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, max: 100 } }
      }
    };
  }

  // One entry per series, a swatch drawn with the series' own colour and hatching, the label wrapping as text does.
  function legend(canvas, chart, kind, oneDay) {
    if (oneDay || chart.data.datasets.length < 2) { return; }
    var list = document.createElement('ul');
    list.className = 'chart-legend';
    list.setAttribute('aria-hidden', 'true'); // the table beside the chart names the series for screen readers
    chart.data.datasets.forEach(function (set) {
      var item = document.createElement('li');
      var swatch = document.createElement('canvas');
      swatch.className = 'swatch'; swatch.width = 28; swatch.height = 14;
      var g = swatch.getContext('2d');
      if (kind === 'line') {
        g.strokeStyle = set.borderColor; g.lineWidth = 3;
        if (set.borderDash) { g.setLineDash(set.borderDash); }
        g.beginPath(); g.moveTo(0, 7); g.lineTo(28, 7); g.stroke();
      } else {
        g.fillStyle = set.backgroundColor; g.fillRect(0, 0, 28, 14);
      }
      var label = document.createElement('span');
      label.textContent = set.label;
      item.appendChild(swatch); item.appendChild(label);
      list.appendChild(item);
    });
    canvas.parentNode.insertAdjacentElement('afterend', list);
  }

  function draw() {
    document.querySelectorAll('table[data-chart]').forEach(function (table) {
      var canvas = document.getElementById(table.getAttribute('data-canvas'));
      if (!canvas || canvas.getAttribute('data-drawn')) { return; }
      canvas.setAttribute('data-drawn', 'true');
      var kind = table.getAttribute('data-chart'), oneDay = table.getAttribute('data-one-day') === 'true';
      legend(canvas, new window.Chart(canvas, config(kind, read(table), oneDay)), kind, oneDay);
    });
  }

  // Loaded after the library in a full page; after an htmx swap (cookieless navigation) the two scripts load in
  // either order, so wait for the library a little.
  var tries = 0;
  (function whenReady() {
    if (window.Chart) { draw(); return; }
    if (++tries < 100) { setTimeout(whenReady, 50); }
  })();
})();
