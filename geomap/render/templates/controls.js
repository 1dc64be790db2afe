{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var districts = {{ this.districts_layer }};
  var colours = {{ this.colours|tojson }};
  var labels = {{ this.labels|tojson }};
  var hatch = {{ this.hatch_url|tojson }};
  var unitsTitle = {{ this.units_title|tojson }};
  var steps = {{ this.steps|tojson }};
  var places = {{ this.names|tojson }};
  var charted = {{ this.charted|tojson }};
  var claimed = {{ this.claimed|tojson }};
  // null: the map's own date, drawn as assessed (undated claims included); else a step
  var current = null;
  var assessedCounts = {};
  document.querySelectorAll("#gm-summary [data-status]").forEach(function (cell) {
    assessedCounts[cell.getAttribute("data-status")] = cell.textContent;
  });

  function fillFor(status) { return status === claimed ? hatch : colours[status]; }
  function statusOn(pcode) {
    return current ? (current.status[pcode] || "no-reports") : null;
  }

  // A popup speaks of the slider's date: later claims hidden, the status of that date.
  function datePopup(container) {
    if (!current || !container) { return; }
    container.querySelectorAll("li[data-date]").forEach(function (li) {
      var day = li.getAttribute("data-date");
      li.classList.toggle("gm-later", day !== "" && day > current.date);
    });
    var box = container.querySelector(".gm-popup[data-pcode]");
    var line = container.querySelector(".gm-status");
    if (box && line) {
      line.textContent = labels[statusOn(box.getAttribute("data-pcode"))] + " on " + current.date;
    }
    // confidence, counts and reason are the latest assessment's: not shown for earlier dates
    container.querySelectorAll(".gm-now").forEach(function (el) { el.style.display = "none"; });
  }
  function undatePopup(container) {
    if (!container) { return; }
    container.querySelectorAll(".gm-later").forEach(function (li) { li.classList.remove("gm-later"); });
    container.querySelectorAll(".gm-now").forEach(function (el) { el.style.display = ""; });
    var line = container.querySelector(".gm-status");
    var box = container.querySelector(".gm-popup[data-pcode]");
    if (box && line) { line.textContent = line.getAttribute("data-assessed") || line.textContent; }
  }
  map.on("popupopen", function (e) { datePopup(e.popup.getElement()); });
  // Every open popup speaks of the slider's date (a popup the search reopens for another
  // district is refilled without a new "popupopen").
  function redatePopups() {
    map.eachLayer(function (layer) {
      if (layer.getPopup && layer.getPopup() && layer.isPopupOpen && layer.isPopupOpen()) {
        var element = layer.getPopup().getElement();
        if (current) { datePopup(element); } else { undatePopup(element); }
      }
    });
  }

  // Districts by status over time: a small chart that follows the slider.
  var chart = document.getElementById("gm-chart");
  var marker = null;
  if (chart && steps.length > 1) {
    var W = 240, H = 70, ns = "http://www.w3.org/2000/svg";
    var t0 = Date.parse(steps[0].date), t1 = Date.parse(steps[steps.length - 1].date);
    var top = 1;
    steps.forEach(function (s) { charted.forEach(function (k) { top = Math.max(top, s.counts[k] || 0); }); });
    var x = function (d) { return 4 + (W - 8) * (Date.parse(d) - t0) / Math.max(1, t1 - t0); };
    var y = function (n) { return H - 4 - (H - 12) * n / top; };
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", W); svg.setAttribute("height", H);
    charted.forEach(function (k) {
      var points = [];
      steps.forEach(function (s, i) {
        var n = s.counts[k] || 0;
        if (i) { points.push(x(s.date) + "," + y(steps[i - 1].counts[k] || 0)); }
        points.push(x(s.date) + "," + y(n));
      });
      var line = document.createElementNS(ns, "polyline");
      line.setAttribute("points", points.join(" "));
      line.setAttribute("fill", "none");
      line.setAttribute("stroke", colours[k]);
      line.setAttribute("stroke-width", 2);
      if (k === claimed) { line.setAttribute("stroke-dasharray", "4 2"); }
      svg.appendChild(line);
    });
    marker = document.createElementNS(ns, "line");
    marker.setAttribute("y1", 0); marker.setAttribute("y2", H);
    marker.setAttribute("stroke", "#222"); marker.setAttribute("stroke-width", 1);
    svg.appendChild(marker);
    var caption = document.createElement("div");
    caption.className = "gm-note";
    caption.textContent = unitsTitle + " by status, " + steps[0].date + " to " + steps[steps.length - 1].date;
    chart.appendChild(svg); chart.appendChild(caption);
  }

  // The last step is the map's own date: back to the assessed colours, counts and popups.
  function showStep(step, last) {
    current = last ? null : step;
    var asof = document.getElementById("gm-asof");
    if (asof) { asof.textContent = step.date; }
    var counts = {};
    districts.eachLayer(function (layer) {
      var props = layer.feature.properties;
      var status = last ? props.status : (step.status[props.pcode] || "no-reports");
      counts[status] = (counts[status] || 0) + 1;
      props.label = labels[status];
      layer.setStyle({fillColor: fillFor(status)});
    });
    document.querySelectorAll("#gm-summary [data-status]").forEach(function (cell) {
      var key = cell.getAttribute("data-status");
      cell.textContent = last ? assessedCounts[key] : (counts[key] || 0);
    });
    if (marker) { var at = x(step.date); marker.setAttribute("x1", at); marker.setAttribute("x2", at); }
    redatePopups();
  }

  // Date slider: everything on the page speaks of the chosen date.
  if (steps.length > 1) {
    var Slider = L.Control.extend({
      onAdd: function () {
        var box = L.DomUtil.create("div", "gm-panel");
        box.style.position = "relative";
        var label = L.DomUtil.create("div", "", box);
        var input = L.DomUtil.create("input", "", box);
        input.type = "range"; input.min = 0; input.max = steps.length - 1;
        input.value = steps.length - 1; input.style.width = "220px";
        input.setAttribute("aria-label", "Date");
        label.textContent = "Status as of " + steps[steps.length - 1].date;
        L.DomEvent.disableClickPropagation(box);
        input.addEventListener("input", function () {
          var step = steps[+input.value];
          label.textContent = "Status as of " + step.date;
          showStep(step, +input.value === steps.length - 1);
        });
        return box;
      }
    });
    new Slider({position: "bottomright"}).addTo(map);
  }
  if (marker) {
    var end = x(steps[steps.length - 1].date);
    marker.setAttribute("x1", end); marker.setAttribute("x2", end);
  }

  // Place search: any spelling the boundaries or gazetteer give, matched as you type.
  var connectors = {e: 1, i: 1, ye: 1, yi: 1, y: 1, al: 1, ul: 1, ol: 1};
  function tokens(text) {
    var folded = text.normalize("NFKD").replace(/[\u0300-\u036f`'’‘]/g, "").toLowerCase();
    var all = folded.match(/[a-z0-9]+/g) || [];
    var kept = all.filter(function (t) { return !connectors[t] && t !== "province" && t !== "district"; });
    return kept.length ? kept : all;
  }
  function skeleton(token) {
    token = token.replace(/([aeiou])h$/, "$1").replace(/q/g, "k").replace(/gh/g, "g")
      .replace(/ph/g, "f").replace(/ck/g, "k");
    var head = /[aeiou]/.test(token[0]) ? "" : token[0];
    return (head + token.slice(1).replace(/[aeiouwy]/g, "")).replace(/(.)\1+/g, "$1");
  }
  function matches(query) {
    var words = tokens(query);
    if (!words.length) { return []; }
    var exact = words.join(""), loose = words.map(skeleton).join("");
    return places.filter(function (p) {
      return p.keys.some(function (k) {
        return k.indexOf(exact) === 0 || (loose.length >= 3 && k.indexOf(loose) === 0);
      }) || p.label.toLowerCase().indexOf(query.toLowerCase()) === 0;
    }).slice(0, 8);
  }
  function go(place) {
    map.fitBounds(place.bounds, {maxZoom: 10, animate: false});
    var opened = false;
    districts.eachLayer(function (layer) {
      if (!opened && place.kind === "district" && layer.feature.properties.pcode === place.pcode) {
        // the popup is bound to the whole layer: a propagated click opens this district's
        layer.fire("click", {latlng: layer.getBounds().getCenter()}, true); opened = true;
      }
    });
    if (!opened && place.kind !== "province") {  // a place marker: open its own popup
      var lat = (place.bounds[0][0] + place.bounds[1][0]) / 2;
      var lon = (place.bounds[0][1] + place.bounds[1][1]) / 2;
      map.eachLayer(function (layer) {
        if (!opened && layer.getLatLng && layer.getPopup && layer.getPopup()) {
          var at = layer.getLatLng();
          if (Math.abs(at.lat - lat) < 1e-6 && Math.abs(at.lng - lon) < 1e-6) {
            layer.openPopup(); opened = true;
          }
        }
      });
    }
    redatePopups();
  }
  var Search = L.Control.extend({
    onAdd: function () {
      var box = L.DomUtil.create("div", "gm-panel");
      box.style.position = "relative";
      var input = L.DomUtil.create("input", "", box);
      input.placeholder = "Find a place…"; input.setAttribute("aria-label", "Find a place");
      input.setAttribute("autocomplete", "off");
      var list = L.DomUtil.create("ul", "gm-search-list", box);
      var none = L.DomUtil.create("div", "gm-search-none", box);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var found = [], active = 0;
      function draw() {
        list.innerHTML = "";
        found.forEach(function (p, i) {
          var li = document.createElement("li");
          li.textContent = p.label;
          if (i === active) { li.className = "gm-active"; }
          li.addEventListener("mousedown", function (e) { e.preventDefault(); pick(p); });
          list.appendChild(li);
        });
        none.textContent = input.value.trim() && !found.length ? "No place matches “" + input.value + "”" : "";
      }
      function pick(p) { input.value = p.label; found = []; list.innerHTML = ""; none.textContent = ""; go(p); }
      input.addEventListener("input", function () { found = matches(input.value); active = 0; draw(); });
      input.addEventListener("keydown", function (e) {
        if (e.key === "ArrowDown") { active = Math.min(active + 1, found.length - 1); draw(); e.preventDefault(); }
        else if (e.key === "ArrowUp") { active = Math.max(active - 1, 0); draw(); e.preventDefault(); }
        else if (e.key === "Enter" && found.length) { pick(found[active]); }
        else if (e.key === "Escape") { found = []; draw(); }
      });
      return box;
    }
  });
  new Search({position: "topright"}).addTo(map);
  // Far out, place markers shrink so that they do not hide small districts and names.
  function scaleMarkers() {
    map.getContainer().classList.toggle("gm-far", map.getZoom() < 7.5);
  }
  map.on("zoomend", scaleMarkers);
  scaleMarkers();
  map.attributionControl.setPrefix(false);
  {{ this.attribution|tojson }}.forEach(function (text) { map.attributionControl.addAttribution(text); });
})();
{% endmacro %}
