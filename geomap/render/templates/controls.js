{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var districts = {{ this.districts_layer }};
  var colours = {{ this.colours|tojson }};
  var hatch = {{ this.hatch_url|tojson }};
  var steps = {{ this.steps|tojson }};
  var names = {{ this.names|tojson }};

  function fillFor(status) { return status === "taliban-claimed" ? hatch : colours[status]; }

  // Date slider: restyle every district with its status on the chosen date.
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
          var counts = {};
          districts.eachLayer(function (layer) {
            var status = step.status[layer.feature.properties.pcode] || "no-reports";
            counts[status] = (counts[status] || 0) + 1;
            layer.setStyle({fillColor: fillFor(status)});
          });
          document.querySelectorAll("#gm-summary [data-status]").forEach(function (cell) {
            cell.textContent = counts[cell.getAttribute("data-status")] || 0;
          });
        });
        return box;
      }
    });
    new Slider({position: "bottomright"}).addTo(map);
  }

  // Place search: type a district, province or place name, pick it, the map goes there.
  var Search = L.Control.extend({
    onAdd: function () {
      var box = L.DomUtil.create("div", "gm-panel");
      box.style.position = "relative";
      var input = L.DomUtil.create("input", "", box);
      input.placeholder = "Find a place…"; input.setAttribute("list", "gm-places");
      input.setAttribute("aria-label", "Find a place");
      var list = L.DomUtil.create("datalist", "", box);
      list.id = "gm-places";
      Object.keys(names).sort().forEach(function (name) {
        var option = document.createElement("option"); option.value = name;
        list.appendChild(option);
      });
      L.DomEvent.disableClickPropagation(box);
      input.addEventListener("change", function () {
        var hit = names[input.value];
        if (!hit) { return; }
        map.fitBounds(hit.bounds, {maxZoom: 10});
        districts.eachLayer(function (layer) {
          if (layer.feature.properties.pcode === hit.pcode) {
            layer.fire("click", {latlng: layer.getBounds().getCenter()});
          }
        });
      });
      return box;
    }
  });
  new Search({position: "topright"}).addTo(map);
  map.attributionControl.setPrefix(false);
  {{ this.attribution|tojson }}.forEach(function (text) { map.attributionControl.addAttribution(text); });
})();
{% endmacro %}
