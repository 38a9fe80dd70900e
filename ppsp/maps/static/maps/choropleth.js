/* Kab/kota choropleth of the national and provincial dashboards (Leaflet, no CDN).
   Outlines (gzipped, simplified per zoom level) and indicator values come from two
   endpoints, fetched after the page has rendered; numbers are shown in id-ID format. */
(function () {
  "use strict";
  var OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  var OSM_ATTRIBUTION = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>";
  var NONE = "";  // colour of regions without a value, also from the server
  var SCALES = {};  // classes and colours per indicator: ppsp/maps/regional.py SCALES
  var number = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });

  function text(el, value) { el.textContent = value; return el; }
  function make(tag, cls) { var el = document.createElement(tag); if (cls) { el.className = cls; } return el; }

  function classify(key, value, stages) {
    if (value === undefined || value === null) { return -1; }
    var scale = SCALES[key];
    if (scale.kind === "stage") { return Math.max(0, Math.min(value, stages.length) - 1); }
    var k = 0;
    scale.bins.forEach(function (edge) { if (value >= edge) { k += 1; } });
    return k;
  }

  function init(box) {
    var mapEl = box.querySelector("[data-testid=choropleth-map]");
    var select = box.querySelector("[data-testid=choropleth-indicator]");
    var legendEl = box.querySelector("[data-testid=choropleth-legend]");
    var info = box.querySelector("[data-testid=choropleth-info]");
    var basemap = box.querySelector("[data-testid=choropleth-basemap]");
    var strings = JSON.parse(box.querySelector("script[type='application/json']").textContent);
    var started = performance.now();
    Promise.all([
      fetch(box.dataset.outlines, { credentials: "same-origin" }).then(function (r) { return r.json(); }),
      fetch(box.dataset.indicators, { credentials: "same-origin" }).then(function (r) { return r.json(); })
    ]).then(function (parts) {
      SCALES = parts[1].scales;
      NONE = parts[1].no_data;
      draw(parts[0], parts[1]);
      charts(parts[1]);
      mapEl.dataset.loadMs = String(Math.round(performance.now() - started));
      mapEl.dataset.status = "ready";
    }).catch(function () {
      mapEl.dataset.status = "error";
      text(mapEl, strings.error);
    });

    function charts(data) {
      if (typeof Chart === "undefined") { return; }
      Chart.defaults.locale = "id-ID";
      var stages = strings.stages;
      var cohortCanvas = box.querySelector("[data-chart=stage-cohort]");
      var cohorts = {};
      Object.keys(data.values).forEach(function (code) {
        var v = data.values[code];
        if (v.cohort) { cohorts[v.cohort] = cohorts[v.cohort] || {}; cohorts[v.cohort][v.stage || 0] = (cohorts[v.cohort][v.stage || 0] || 0) + 1; }
      });
      var years = Object.keys(cohorts).sort();
      if (cohortCanvas && years.length) {
        new Chart(cohortCanvas, {
          type: "bar",
          data: { labels: years, datasets: stages.map(function (name, i) {
            return { label: (i + 1) + ". " + name, data: years.map(function (y) { return cohorts[y][i + 1] || 0; }),
              backgroundColor: SCALES.stage.colours[i % SCALES.stage.colours.length], stack: "s" };
          }) },
          options: { animation: false, plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
            scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 },
              title: { display: true, text: cohortCanvas.dataset.unit } } } }
        });
        cohortCanvas.dataset.drawn = "1";
      }
      var trendCanvas = box.querySelector("[data-chart=realisation]");
      var trend = data.trend || { years: [] };
      if (trendCanvas && trend.years.length) {
        new Chart(trendCanvas, {
          data: { labels: trend.years, datasets: [
            { type: "bar", label: trendCanvas.dataset.planned, data: trend.planned, backgroundColor: "#b7c9e2", order: 2 },
            { type: "line", label: trendCanvas.dataset.realised, data: trend.realised, borderColor: "#0b6e4f",
              backgroundColor: "#0b6e4f", borderWidth: 2.5, order: 0 }] },
          options: { animation: false, plugins: { legend: { position: "bottom" } },
            scales: { y: { beginAtZero: true } } }
        });
        trendCanvas.dataset.drawn = "1";
      } else if (trendCanvas) {
        trendCanvas.replaceWith(text(make("p", "muted"), trendCanvas.dataset.empty));
      }
    }

    function draw(geo, data) {
      mapEl.textContent = "";
      var stages = strings.stages;
      var map = L.map(mapEl, { zoomSnap: 0.25, attributionControl: true, preferCanvas: false });
      map.attributionControl.setPrefix(false);
      map.attributionControl.addAttribution(geo.attribution || strings.attribution);
      var tiles = L.tileLayer(box.dataset.tileUrl || OSM, { maxZoom: 18, attribution: OSM_ATTRIBUTION });
      function toggleBasemap() {
        if (basemap.checked) { tiles.addTo(map); } else { map.removeLayer(tiles); }
        try { localStorage.setItem("ppsp-basemap", basemap.checked ? "1" : ""); } catch (e) { /* private mode */ }
      }
      try { basemap.checked = localStorage.getItem("ppsp-basemap") === "1"; } catch (e) { basemap.checked = false; }
      basemap.addEventListener("change", toggleBasemap);
      var kabkota = { type: "FeatureCollection", features: geo.features.filter(function (f) { return f.properties.level === 2; }) };
      var provinces = { type: "FeatureCollection", features: geo.features.filter(function (f) { return f.properties.level === 1; }) };
      var key = select.value;

      function valueOf(feature) { return (data.values[feature.properties.code] || {})[key]; }
      function colour(feature) {
        var k = classify(key, valueOf(feature), stages);
        return k < 0 ? NONE : SCALES[key].colours[Math.min(k, SCALES[key].colours.length - 1)];
      }
      function style(feature) {
        return { fillColor: colour(feature), fillOpacity: basemap.checked ? 0.7 : 0.9, color: "#ffffff", weight: 0.6 };
      }
      function describe(feature) {
        var v = data.values[feature.properties.code] || {};
        var value = v[key];
        var shown = value === undefined || value === null ? strings.none :
          key === "stage" ? (value ? value + ". " + (v.stage_name || "") : strings.none) :
          number.format(value) + (SCALES[key].unit ? " " + SCALES[key].unit : "");
        return "<strong data-testid='choropleth-name'>" + escape(feature.properties.name) + "</strong> <span class='muted'>" +
          escape(feature.properties.code) + "</span><br>" + escape(data.indicators[key]) + ": <span data-testid='choropleth-value'>" + escape(shown) + "</span>";
      }
      var layer = L.geoJSON(kabkota, {
        style: style,
        onEachFeature: function (feature, path) {
          path.bindTooltip(function () { return describe(feature); }, { sticky: true });
          path.on("mouseover", function () { path.setStyle({ weight: 2.5, color: "#1d2a33" }); info.innerHTML = describe(feature); });
          path.on("mouseout", function () { layer.resetStyle(path); });
          path.on("click", function () { window.location.href = box.dataset.kabkotaUrl.replace("00.00", feature.properties.code); });
        }
      }).addTo(map);
      L.geoJSON(provinces, { interactive: false, style: { fill: false, color: "#475467", weight: 1.4 } }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [6, 6] });
      mapEl.dataset.features = String(kabkota.features.length);

      function legend() {
        var scale = SCALES[key];
        var counts = {};
        kabkota.features.forEach(function (f) { var k = classify(key, valueOf(f), stages); counts[k] = (counts[k] || 0) + 1; });
        var labels = scale.kind === "stage" ? stages.map(function (s, i) { return (i + 1) + ". " + s; }) :
          scale.labels.map(function (l) { return l + (scale.unit ? " " + scale.unit : ""); });
        legendEl.textContent = "";
        legendEl.appendChild(text(make("strong"), data.indicators[key]));
        var list = make("ul");
        labels.forEach(function (label, i) {
          var item = make("li");
          var swatch = make("span", "swatch");
          swatch.style.background = scale.colours[Math.min(i, scale.colours.length - 1)];
          item.appendChild(swatch);
          item.appendChild(document.createTextNode(" " + label + " "));
          var n = make("span", "muted");
          n.dataset.legendCount = String(i);
          text(n, "(" + number.format(counts[i] || 0) + ")");
          item.appendChild(n);
          list.appendChild(item);
        });
        var none = make("li");
        var swatch = make("span", "swatch");
        swatch.style.background = NONE;
        none.appendChild(swatch);
        none.appendChild(document.createTextNode(" " + strings.none_label + " (" + number.format(counts[-1] || 0) + ")"));
        list.appendChild(none);
        legendEl.appendChild(list);
        if (key === "realisation" && data.realisation_year) {
          legendEl.appendChild(text(make("p", "muted"), strings.year + " " + data.realisation_year));
        }
      }
      function exports() {
        box.querySelectorAll("[data-export]").forEach(function (a) { a.href = a.dataset.export + "?indikator=" + key; });
      }
      select.addEventListener("change", function () { key = select.value; layer.setStyle(style); legend(); exports(); });
      toggleBasemap();
      legend();
    }
  }

  function escape(value) {
    var span = document.createElement("span");
    span.textContent = value == null ? "" : String(value);
    return span.innerHTML;
  }

  function start() {
    if (!window.L || !window.fetch) { return; }
    document.querySelectorAll("[data-choropleth]").forEach(init);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
