// Monev charts: data from a json_script block, no inline scripts.
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("monev-chart-data");
    if (!source || typeof Chart === "undefined") { return; }
    Chart.defaults.locale = "id-ID"; // 25.000 and 1,5 in ticks and tooltips
    var data = JSON.parse(source.textContent);
    var trend = document.getElementById("chart-trend");
    if (trend && data.years) {
      new Chart(trend, {
        type: "line",
        data: { labels: data.years, datasets: [
          { label: trend.dataset.planned, data: data.planned, borderColor: "#175cd3" },
          { label: trend.dataset.realised, data: data.realised, borderColor: "#0b6e4f" }] },
        options: { scales: { y: { beginAtZero: true } } }
      });
    }
    var access = document.getElementById("chart-access");
    if (access && data.labels) {
      new Chart(access, {
        type: "bar",
        data: { labels: data.labels, datasets: [{ label: access.dataset.label,
          data: data.values, backgroundColor: "#0b6e4f" }] },
        options: { indexAxis: "y", plugins: { legend: { display: false } },
          scales: { x: { beginAtZero: true, max: 100 } } }
      });
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); }
  else { draw(); }
})();
