// Statements per month as an SVG line chart, drawn from the page's #timeline-data JSON.
// Plain DOM calls only: values are set with textContent / setAttribute, never parsed as HTML.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var W = 760, H = 240, M = { top: 16, right: 16, bottom: 36, left: 44 };

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function monthIndex(period) {  // "2024-05" -> months since year 0
    var parts = String(period).split("-");
    return Number(parts[0]) * 12 + (Number(parts[1] || 1) - 1);
  }

  function label(index) {
    var y = Math.floor(index / 12), m = index % 12 + 1;
    return y + "-" + (m < 10 ? "0" : "") + m;
  }

  function draw(box, data) {
    box.textContent = "";
    data = data.filter(function (d) { return /^\d{4}(-\d{2})?$/.test(d.period); });
    if (!data.length) {
      var p = document.createElement("p");
      p.className = "none";
      p.textContent = "No dated statements.";
      box.appendChild(p);
      return;
    }
    var first = monthIndex(data[0].period), last = monthIndex(data[data.length - 1].period);
    var span = Math.max(1, last - first);
    var max = Math.max.apply(null, data.map(function (d) { return d.statements; }));
    var x = function (i) { return M.left + (i - first) / span * (W - M.left - M.right); };
    var y = function (v) { return H - M.bottom - v / max * (H - M.top - M.bottom); };
    if (last === first) { x = function () { return (W + M.left - M.right) / 2; }; }

    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, width: "100%", role: "img", "class": "timeline-chart" });
    var title = el("title", {}, svg);
    title.textContent = box.getAttribute("data-label") || "statements over time";

    // Axes and a grid line at the top value.
    el("line", { x1: M.left, y1: H - M.bottom, x2: W - M.right, y2: H - M.bottom, "class": "axis" }, svg);
    el("line", { x1: M.left, y1: M.top, x2: M.left, y2: H - M.bottom, "class": "axis" }, svg);
    el("line", { x1: M.left, y1: y(max), x2: W - M.right, y2: y(max), "class": "grid" }, svg);
    [0, max].forEach(function (v) {
      var t = el("text", { x: M.left - 6, y: y(v) + 4, "text-anchor": "end", "class": "tick" }, svg);
      t.textContent = String(v);
    });

    // Every month between the first and the last, months without statements at zero.
    var counts = {};
    data.forEach(function (d) { counts[monthIndex(d.period)] = d.statements; });
    var points = [];
    for (var i = first; i <= last; i++) points.push(x(i).toFixed(1) + "," + y(counts[i] || 0).toFixed(1));
    el("polyline", { points: points.join(" "), "class": "line" }, svg);

    // Year ticks (or month ticks for a short span).
    var step = span > 36 ? 12 : span > 12 ? 3 : 1;
    for (var j = first; j <= last; j++) {
      if ((step === 12 && j % 12 !== 0 && j !== first) || (step !== 12 && (j - first) % step !== 0)) continue;
      var tick = el("text", { x: x(j), y: H - M.bottom + 16, "text-anchor": "middle", "class": "tick" }, svg);
      tick.textContent = step === 12 ? String(Math.floor(j / 12)) : label(j);
    }

    data.forEach(function (d) {
      var c = el("circle", { cx: x(monthIndex(d.period)), cy: y(d.statements), r: 4, "class": "point",
                             "data-period": d.period, "data-statements": d.statements }, svg);
      var tip = el("title", {}, c);
      tip.textContent = d.period + ": " + d.statements + " statement" + (d.statements === 1 ? "" : "s");
    });
    box.appendChild(svg);
  }

  var source = document.getElementById("timeline-data");
  var box = document.getElementById("timeline");
  if (source && box) draw(box, JSON.parse(source.textContent || "[]"));
})();
