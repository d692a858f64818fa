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

  function config(kind, data) {
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
        plugins: { legend: { display: data.series.length > 1, position: 'bottom', labels: { usePointStyle: kind === 'line' } } },
        scales: kind === 'line'
          ? { y: { beginAtZero: true, max: 100 } }
          : { x: { stacked: stacked, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: stacked } }
      }
    };
  }

  function draw() {
    document.querySelectorAll('table[data-chart]').forEach(function (table) {
      var canvas = document.getElementById(table.getAttribute('data-canvas'));
      if (!canvas || canvas.getAttribute('data-drawn')) { return; }
      canvas.setAttribute('data-drawn', 'true');
      new window.Chart(canvas, config(table.getAttribute('data-chart'), read(table)));
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
