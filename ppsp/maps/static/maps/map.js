/* Risk map: Leaflet choropleth of desa boundaries, one layer per component (no CDN). */
(function () {
  "use strict";
  var el = document.getElementById("risk-map");
  if (!el || !window.L) { return; }
  var data = JSON.parse(document.getElementById("map-data").textContent);
  var text = JSON.parse(document.getElementById("map-strings").textContent);
  var classes = JSON.parse(document.getElementById("map-classes").textContent);
  var component = el.dataset.component;
  var map = L.map(el, { zoomSnap: 0.25, attributionControl: true });
  map.attributionControl.setPrefix(false);
  if (el.dataset.attribution) { map.attributionControl.addAttribution(el.dataset.attribution); }
  var basemap = document.querySelector("[data-testid=basemap-toggle]");
  var tiles = L.tileLayer(el.dataset.tileUrl || "https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18,
    attribution: "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>"
  });
  function toggleBasemap() {
    if (basemap && basemap.checked) { tiles.addTo(map); } else { map.removeLayer(tiles); }
    try { localStorage.setItem("ppsp-basemap", basemap && basemap.checked ? "1" : ""); } catch (e) { /* private mode */ }
  }
  if (basemap) {
    try { basemap.checked = localStorage.getItem("ppsp-basemap") === "1"; } catch (e) { basemap.checked = false; }
    basemap.addEventListener("change", toggleBasemap);
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
  var byCode = {};
  var layer = L.geoJSON(data, {
    style: style,
    onEachFeature: function (feature, path) {
      byCode[feature.properties.code] = path;
      path.bindTooltip(function () {
        return "<strong>" + escape(feature.properties.name) + "</strong><br>" +
          escape(classes[cell(feature)[0]][0]);
      }, { sticky: true });
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
  toggleBasemap();

  var search = document.querySelector("[data-testid=desa-search]");
  if (search) {
    var list = document.getElementById("desa-names");
    data.features.slice().sort(function (a, b) {
      return a.properties.name.localeCompare(b.properties.name, "id");
    }).forEach(function (f) {
      var option = document.createElement("option");
      option.value = f.properties.name + " — " + f.properties.kecamatan;
      option.dataset.code = f.properties.code;
      list.appendChild(option);
    });
    function find() {
      var wanted = search.value.trim().toLowerCase();
      if (!wanted) { return; }
      var hit = data.features.filter(function (f) {
        return (f.properties.name + " — " + f.properties.kecamatan).toLowerCase() === wanted;
      })[0] || data.features.filter(function (f) {
        return f.properties.name.toLowerCase().indexOf(wanted) === 0;
      })[0];
      var status = document.querySelector("[data-testid=desa-search-status]");
      if (!hit) { status.textContent = status.dataset.none; return; }
      status.textContent = "";
      var path = byCode[hit.properties.code];
      map.fitBounds(path.getBounds(), { maxZoom: 13, padding: [30, 30] });
      layer.resetStyle();
      path.setStyle({ weight: 4, color: "#1d2a33" });
      path.bringToFront();
      info.innerHTML = details(hit);
      path.openTooltip(path.getBounds().getCenter());
      el.dataset.found = hit.properties.code;
    }
    search.addEventListener("change", find);
    search.form.addEventListener("submit", function (event) { event.preventDefault(); find(); });
  }

  function counts() {
    var n = {};
    data.features.forEach(function (f) { var k = cell(f)[0]; n[k] = (n[k] || 0) + 1; });
    document.querySelectorAll("[data-count]").forEach(function (span) {
      span.textContent = "(" + (n[span.dataset.count] || 0) + ")";
    });
  }
  counts();
})();
