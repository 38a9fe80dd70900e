// Programme dashboard charts: data comes from a json_script block, no inline scripts.
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("programme-chart-data");
    if (!source || typeof Chart === "undefined") { return; }
    Chart.defaults.locale = "id-ID"; // 25.000 and 1,5 in ticks and tooltips
    var data = JSON.parse(source.textContent);
    var colour = "#0b6e4f";
    var stages = document.getElementById("chart-stages");
    if (stages) {
      new Chart(stages, {
        type: "bar",
        data: { labels: data.stages.names, datasets: [{ label: stages.dataset.label,
          data: data.stages.values, backgroundColor: colour }] },
        options: { indexAxis: "y", plugins: { legend: { display: false } },
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    }
    var cohorts = document.getElementById("chart-cohorts");
    if (cohorts) {
      new Chart(cohorts, {
        type: "bar",
        data: { labels: data.cohorts.labels, datasets: [{ label: cohorts.dataset.label,
          data: data.cohorts.values, backgroundColor: "#175cd3" }] },
        options: { plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); }
  else { draw(); }
})();
