// Tabel 5.1 charts: need per subsector stacked by year, with (b) and (c) as lines.
// Data comes from json_script blocks (one per canvas), no inline scripts.
(function () {
  "use strict";
  var colours = ["#0b6e4f", "#175cd3", "#b54708", "#7a5af8", "#0e9384"];
  function draw() {
    if (typeof Chart === "undefined") { return; }
    Chart.defaults.locale = "id-ID"; // 25.000 and 1,5 in ticks and tooltips
    var canvases = document.querySelectorAll("canvas[data-tabel51]");
    for (var i = 0; i < canvases.length; i++) {
      var canvas = canvases[i];
      var source = document.getElementById(canvas.dataset.tabel51);
      if (!source) { continue; }
      var data = JSON.parse(source.textContent);
      var datasets = data.need.map(function (row, k) {
        return { type: "bar", label: row.label, data: row.data, stack: "need",
          backgroundColor: colours[k % colours.length], order: 2 };
      });
      if (data.b) {
        datasets.push({ type: "line", label: canvas.dataset.labelB, data: data.b, stack: "b",
          borderColor: "#b42318", backgroundColor: "#b42318", borderWidth: 2.5, tension: 0,
          order: 0, pointRadius: 4 });  // lines drawn last: never hidden behind the bars
      }
      if (data.c) {
        datasets.push({ type: "line", label: canvas.dataset.labelC, data: data.c, stack: "c",
          borderColor: "#1d2a33", backgroundColor: "#1d2a33", borderDash: [6, 4],
          borderWidth: 2.5, tension: 0, order: 1, pointRadius: 4 });
      }
      new Chart(canvas, {
        data: { labels: data.years, datasets: datasets },
        options: { animation: false, responsive: true,
          plugins: { legend: { position: "bottom" } },
          scales: { x: { stacked: true },
            y: { stacked: true, beginAtZero: true, title: { display: true, text: canvas.dataset.unit } } } }
      });
      canvas.dataset.drawn = "1";
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); }
  else { draw(); }
})();
