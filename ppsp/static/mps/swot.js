// SWOT position per subsector (x = S − W, y = O − T); data from a json_script block.
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("swot-chart-data");
    var canvas = document.getElementById("chart-swot");
    if (!source || !canvas || typeof Chart === "undefined") { return; }
    Chart.defaults.locale = "id-ID";
    var points = JSON.parse(source.textContent);
    new Chart(canvas, {
      type: "scatter",
      data: { datasets: points.map(function (p) {
        return { label: p.label, data: [{ x: p.x, y: p.y }], pointRadius: 7 };
      }) },
      options: { scales: { x: { title: { display: true, text: "S − W" } },
        y: { title: { display: true, text: "O − T" } } } }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); }
  else { draw(); }
})();
