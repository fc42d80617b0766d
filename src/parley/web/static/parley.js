/* parley charts: a small SVG renderer, shipped with the package (no CDN, no library).
 *
 * Data comes from <script type="application/json" id="parley-chart-data"> (made by the server,
 * see web/data.py dyad_chart). Every string is put in the page with textContent/setAttribute,
 * never as HTML, and every link target is a same-site path built by the server.
 */
(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  // One colour per PLOVER type, grouped by QuadClass: blues verbal cooperation, greens material
  // cooperation, oranges verbal conflict, reds material conflict.
  // Within a family the colours differ in hue as well as lightness, so that no two types are
  // hard to tell apart (tests/test_web.py checks the distance between every pair).
  var COLORS = {
    AGREE: "#1e3a8a", CONSULT: "#3b82f6", SUPPORT: "#06b6d4", CONCEDE: "#a5b4fc",
    COOPERATE: "#166534", AID: "#22c55e", RETREAT: "#bef264",
    REQUEST: "#ea580c", ACCUSE: "#f59e0b", REJECT: "#78350f", THREATEN: "#fde68a",
    PROTEST: "#a21caf", SANCTION: "#57534e", MOBILIZE: "#fb7185", COERCE: "#f9a8d4", ASSAULT: "#dc2626"
  };
  var LEGEND_ITEM = 120;

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVGNS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function text(parent, x, y, s, attrs) {
    var t = el("text", Object.assign({ x: x, y: y }, attrs || {}), parent);
    t.textContent = s;
    return t;
  }

  function title(parent, s) {
    var t = el("title", {}, parent);
    t.textContent = s;
  }

  function link(parent, href) {
    var a = el("a", {}, parent);
    // Only same-site paths: the server builds them, but never trust a string to be one.
    if (typeof href === "string" && href.charAt(0) === "/" && href.charAt(1) !== "/") {
      a.setAttribute("href", href);
    }
    return a;
  }

  // Axis top and tick step: steps of 1, 2 or 5 times a power of ten, at most five ticks.
  function niceScale(n) {
    n = Math.max(1, n);
    var step = 1;
    for (var p = 1; ; p *= 10) {
      var found = [1, 2, 5].map(function (m) { return m * p; }).filter(function (s) { return Math.ceil(n / s) <= 5; });
      if (found.length) { step = found[0]; break; }
    }
    return { max: Math.ceil(n / step) * step, step: step };
  }

  function drawTimeline(box, data) {
    var months = data.months || [];
    if (!months.length) {
      box.textContent = "No dated events between " + data.dyad.join(" and ") + ".";
      box.setAttribute("data-rendered", "empty");
      return;
    }
    var index = {};
    months.forEach(function (m, i) { index[m] = i; });
    var stacks = {};
    (data.bars || []).forEach(function (b) { stacks[b.month] = (stacks[b.month] || 0) + b.count; });
    var scale = niceScale(Math.max.apply(null, [1].concat(Object.keys(stacks).map(function (k) { return stacks[k]; }))));
    var maxCount = scale.max;
    var ranges = data.ranges || [];
    var margin = { left: 36, right: 12, top: 10 + ranges.length * 9, bottom: 46 };
    var slot = Math.max(6, Math.min(28, Math.floor(860 / months.length)));
    var plotW = slot * months.length;
    var plotH = 180;
    // The legend gets as much width as it needs: every type is shown, however few the months.
    var nTypes = (data.types || []).length;
    var width = Math.max(margin.left + plotW + margin.right, margin.left + LEGEND_ITEM * Math.min(nTypes, 6));
    var perRow = Math.max(1, Math.floor((width - margin.left) / LEGEND_ITEM));
    var legendH = 18 * Math.ceil(nTypes / perRow);
    var height = margin.top + plotH + margin.bottom + legendH;
    var svg = el("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img" }, box);
    title(svg, "Events per month and type, " + data.dyad.join("–"));
    var g = el("g", { transform: "translate(" + margin.left + "," + margin.top + ")" }, svg);
    var y = function (v) { return plotH - (v / maxCount) * plotH; };

    // Grid and y axis.
    for (var v = 0; v <= maxCount; v += scale.step) {
      el("line", { x1: 0, x2: plotW, y1: y(v), y2: y(v), "class": "grid" }, g);
      text(g, -6, y(v) + 4, String(v), { "text-anchor": "end" });
    }
    el("line", { x1: 0, x2: plotW, y1: plotH, y2: plotH, stroke: "#888" }, g);

    // X labels: every month when they fit, else January of each year.
    var every = slot >= 24 ? 1 : (slot >= 12 ? 3 : 12);
    months.forEach(function (m, i) {
      var month = parseInt(m.slice(5, 7), 10);
      if ((every === 1) || (every === 3 && (month - 1) % 3 === 0) || (every === 12 && month === 1) || i === 0) {
        var lx = i * slot + slot / 2;
        text(g, lx, plotH + 14, every === 12 ? m.slice(0, 4) : m, { "text-anchor": "end", transform: "rotate(-40 " + lx + " " + (plotH + 14) + ")" });
      }
    });

    // Stacked bars, each a link to the events it counts.
    var base = {};
    (data.bars || []).forEach(function (b) {
      var i = index[b.month];
      if (i === undefined) { return; }
      var below = base[b.month] || 0;
      base[b.month] = below + b.count;
      var a = link(g, b.href);
      a.setAttribute("class", "bar-link");
      var r = el("rect", {
        "class": "bar", x: i * slot + 1, y: y(below + b.count), width: Math.max(2, slot - 2),
        height: Math.max(1, y(below) - y(below + b.count)), fill: COLORS[b.type] || "#666",
        "data-month": b.month, "data-type": b.type, "data-count": b.count
      }, a);
      title(r, b.month + ": " + b.count + " " + b.type);
    });

    // Bands for coarsely dated events, above the plot.
    ranges.forEach(function (rg, k) {
      var i0 = index[rg.first], i1 = index[rg.last];
      if (i0 === undefined || i1 === undefined) { return; }
      var a = link(g, rg.href);
      var r = el("rect", {
        "class": "range", x: i0 * slot, y: -margin.top + 4 + k * 9, width: Math.max(3, (i1 - i0 + 1) * slot), height: 6,
        fill: COLORS[rg.type] || "#666", "fill-opacity": 0.55, "data-type": rg.type
      }, a);
      title(r, rg.label);
    });

    // Legend.
    var lg = el("g", { transform: "translate(" + margin.left + "," + (margin.top + plotH + margin.bottom - 4) + ")" }, svg);
    (data.types || []).forEach(function (tp, k) {
      var lx = (k % perRow) * LEGEND_ITEM, ly = Math.floor(k / perRow) * 18;
      el("rect", { x: lx, y: ly, width: 10, height: 10, fill: COLORS[tp] || "#666", "class": "legend-swatch", "data-type": tp }, lg);
      text(lg, lx + 14, ly + 9, tp, { "class": "legend-label" });
    });
    box.setAttribute("data-rendered", "yes");
  }

  function drawTrend(box, trend) {
    if (!trend || !trend.points || !trend.points.length) {
      box.setAttribute("data-rendered", "empty");
      return;
    }
    // A true time axis: each point sits at its month (empty months keep their place, and no
    // line is drawn across them); each point links to the events it averages.
    var pts = trend.points;
    var slots = Math.max(1, trend.slots || pts.length);
    var values = pts.map(function (p) { return p.value; });
    var lo = Math.min(0, Math.min.apply(null, values)), hi = Math.max(0, Math.max.apply(null, values));
    if (hi === lo) { hi = lo + 1; }
    var margin = { left: 40, right: 12, top: 10, bottom: 40 };
    var step = Math.max(6, Math.min(40, Math.floor(860 / slots)));
    var plotW = step * Math.max(1, slots - 1) + 10, plotH = 120;
    var width = margin.left + plotW + margin.right, height = margin.top + plotH + margin.bottom;
    var svg = el("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img" }, box);
    title(svg, "Cooperation–conflict index (" + trend.value_key + ") per month");
    var g = el("g", { transform: "translate(" + margin.left + "," + margin.top + ")" }, svg);
    var y = function (v) { return plotH - ((v - lo) / (hi - lo)) * plotH; };
    var x = function (p) { return 5 + p.slot * step; };
    el("line", { x1: 0, x2: plotW, y1: y(0), y2: y(0), stroke: "#888" }, g);
    text(g, -6, y(hi) + 4, String(Math.round(hi * 10) / 10), { "text-anchor": "end" });
    text(g, -6, y(lo) + 4, String(Math.round(lo * 10) / 10), { "text-anchor": "end" });
    var d = pts.map(function (p, i) {
      var joined = i > 0 && p.slot === pts[i - 1].slot + 1;
      return (joined ? "L" : "M") + x(p) + "," + y(p.value);
    }).join(" ");
    el("path", { d: d, fill: "none", stroke: "#1f2937", "stroke-width": 1.5, "class": "trend-line" }, g);
    var every = Math.ceil(slots / 24);
    pts.forEach(function (p) {
      var parent = p.href ? link(g, p.href) : g;
      var c = el("circle", { cx: x(p), cy: y(p.value), r: 4, fill: p.value >= 0 ? "#2563eb" : "#dc2626", "class": "trend-point", "data-period": p.period }, parent);
      title(c, p.period + ": " + p.value + (p.events ? " (" + p.events + " events)" : ""));
      if (p.slot % every === 0 || p === pts[0]) {
        text(g, x(p), plotH + 14, p.period, { "text-anchor": "end", transform: "rotate(-40 " + x(p) + " " + (plotH + 14) + ")" });
      }
    });
    box.setAttribute("data-rendered", "yes");
  }

  function start() {
    var source = document.getElementById("parley-chart-data");
    if (!source) { return; }
    var data;
    try {
      data = JSON.parse(source.textContent);
    } catch (e) {
      return;
    }
    var box = document.getElementById("timeline-chart");
    if (box) { drawTimeline(box, data); }
    var tbox = document.getElementById("trend-chart");
    if (tbox) { drawTrend(tbox, data.trend); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
