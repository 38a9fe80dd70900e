/* Risk map: Leaflet choropleth of desa boundaries, one layer per component (no CDN). */
(function () {
  "use strict";
  var el = document.getElementById("risk-map");
  if (!el || !window.L) { return; }
  var data = JSON.parse(document.getElementById("map-data").textContent);
  var text = JSON.parse(document.getElementById("map-strings").textContent);
  var classes = JSON.parse(document.getElementById("map-classes").textContent);
  var component = el.dataset.component;
  var map = L.map(el, { zoomSnap: 0.25, attributionControl: !!el.dataset.tileUrl });
  if (el.dataset.tileUrl) {
    L.tileLayer(el.dataset.tileUrl, { maxZoom: 18 }).addTo(map);
  }
  var info = document.getElementById("map-info");

  function cell(feature) {
    return feature.properties.values[component] || [0, null, 0, ""];
  }
  function style(feature) {
    return { fillColor: classes[cell(feature)[0]][1], fillOpacity: 0.85, color: "#ffffff", weight: 1 };
  }
  function escape(value) {
    var span = document.createElement("span");
    span.textContent = value == null ? text.none : String(value);
    return span.innerHTML;
  }
  function details(feature) {
    var c = cell(feature);
    var html = "<strong data-testid='info-name'>" + escape(feature.properties.name) + "</strong>" +
      " <span class='muted'>" + escape(feature.properties.kecamatan) + "</span><br>" +
      text.score + ": <span data-testid='info-score'>" + escape(c[1]) + "</span><br>" +
      text.klass + ": <span data-testid='info-class'>" + escape(classes[c[0]][0]) + "</span>";
    if (c[3]) {
      html += "<br>" + text.override + ": " + escape(c[3]) +
        "<br>" + text.computed + ": " + escape(classes[c[2]][0]);
    }
    return html;
  }
  var layer = L.geoJSON(data, {
    style: style,
    onEachFeature: function (feature, path) {
      path.on("mouseover", function () {
        path.setStyle({ weight: 3, color: "#1d2a33" });
        path.bringToFront();
        info.innerHTML = details(feature);
      });
      path.on("mouseout", function () { layer.resetStyle(path); });
      path.on("click", function () { path.bindPopup(details(feature)).openPopup(); });
    }
  }).addTo(map);
  map.fitBounds(layer.getBounds(), { padding: [8, 8] });

  function counts() {
    var n = {};
    data.features.forEach(function (f) { var k = cell(f)[0]; n[k] = (n[k] || 0) + 1; });
    document.querySelectorAll("[data-count]").forEach(function (span) {
      span.textContent = "(" + (n[span.dataset.count] || 0) + ")";
    });
  }
  counts();
})();
