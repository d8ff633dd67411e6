/* annales report: filters, a zoomable timeline and an actor network, drawn with the bundled plotly.js.
   Everything it needs is in the page: the data sit in the #annales-data JSON block. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("annales-data").textContent);
  var EVENTS = DATA.events;
  var TYPES = DATA.types;               // present types, cooperation first
  var SCALE = DATA.colorscale;          // [[0, colour], ..., [1, colour]] over scores -10..10
  var HIDDEN = { hypothetical: true, negated: true };
  var RING = "#1f2328";  // outline of happenings whose sources disagree
  // node colours of the network, by kind of actor (kept apart from the red-to-green scale of the arrows)
  var KINDS = {
    country: { label: "state", colour: "#2f6db5" }, person: { label: "person", colour: "#7a4fb3" },
    organization: { label: "organisation", colour: "#a8651d" }, group: { label: "armed or other group", colour: "#3d4650" },
    other: { label: "other", colour: "#8a939c" }
  };

  function $(id) { return document.getElementById(id); }
  function fold(text) {  // as the page's search text was folded: no accents, no case, punctuation as spaces
    return String(text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^0-9a-z\u00c0-\uffff]+/g, " ").trim();
  }

  // -- filters ---------------------------------------------------------------------------------
  function selected() {
    var actor = fold($("f-actor").value.trim());
    var from = $("f-from").value, to = $("f-to").value, status = $("f-status").value;
    var onlyConflicts = $("f-conflicts").checked;
    var types = {};
    Array.prototype.forEach.call(document.querySelectorAll(".types input"), function (box) {
      if (box.checked) { types[box.value] = true; }
    });
    return EVENTS.filter(function (e) {
      if (!types[e.type]) { return false; }
      if (status === "") { if (HIDDEN[e.status]) { return false; } }
      else if (status !== "*" && e.status !== status) { return false; }
      if (onlyConflicts && !e.conflicts) { return false; }
      if (actor && e.search.indexOf(actor) < 0) { return false; }
      if (e.start) {
        if (from && e.end < from) { return false; }
        if (to && e.start > to) { return false; }
      }
      return true;
    });
  }

  // -- timeline ----------------------------------------------------------------------------------
  function timelineTraces(events) {
    var dated = events.filter(function (e) { return e.start; });
    var spans = { x: [], y: [] };
    dated.forEach(function (e) {
      if (e.precision !== "day") {
        spans.x.push(e.start, e.end, null);
        spans.y.push(e.y, e.y, null);
      }
    });
    return [
      { type: "scatter", mode: "lines", x: spans.x, y: spans.y, hoverinfo: "skip", showlegend: false,
        line: { color: "rgba(90, 99, 107, 0.35)", width: 5 } },
      { type: "scatter", mode: "markers", x: dated.map(function (e) { return e.mid; }),
        y: dated.map(function (e) { return e.y; }), customdata: dated.map(function (e) { return e.id; }),
        hovertext: dated.map(function (e) { return e.hover; }), hoverinfo: "text", showlegend: false,
        marker: {
          color: dated.map(function (e) { return e.score; }), colorscale: SCALE, cmin: -10, cmax: 10,
          size: dated.map(function (e) { return 9 + 3 * Math.sqrt(e.sources); }),
          symbol: dated.map(function (e) { return e.status === "asserted" ? "circle" : "circle-open"; }),
          line: { color: dated.map(function (e) { return e.conflicts ? RING : "#ffffff"; }),
                  width: dated.map(function (e) { return e.conflicts ? 3 : 1; }) },
          opacity: 0.9
        } }
    ];
  }

  var timelineLayout = {
    margin: { l: 110, r: 20, t: 10, b: 30 }, hovermode: "closest", dragmode: "zoom",
    paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "#ffffff",
    xaxis: { type: "date", rangeslider: { visible: true, thickness: 0.08 }, gridcolor: "#eceff2" },
    yaxis: { tickvals: TYPES.map(function (_, i) { return i; }), ticktext: TYPES, fixedrange: true,
             range: [TYPES.length - 0.4, -0.6], gridcolor: "#f3f4f6", zeroline: false },
    hoverlabel: { align: "left" }
  };

  // -- network -------------------------------------------------------------------------------------
  function graph(events) {
    var edges = {}, nodes = {};
    function node(name, kind) {
      if (!nodes[name]) { nodes[name] = { name: name, degree: 0, events: 0, kind: kind || "other" }; }
      return nodes[name];
    }
    function link(a, b, directed, score) {
      var key = directed ? a + "\u2192" + b : [a, b].sort().join("\u2014");
      if (!edges[key]) { edges[key] = { a: a, b: b, directed: directed, count: 0, total: 0 }; }
      edges[key].count += 1; edges[key].total += score;
      node(a).degree += 1; node(b).degree += 1;
    }
    events.forEach(function (e) {
      e.actors.concat(e.recipients).forEach(function (n) { node(n, e.kinds[n]).events += 1; });
      if (e.recipients.length) {
        e.actors.forEach(function (a) { e.recipients.forEach(function (r) { if (a !== r) { link(a, r, true, e.score); } }); });
      } else {
        for (var i = 0; i < e.actors.length; i++) {
          for (var j = i + 1; j < e.actors.length; j++) { link(e.actors[i], e.actors[j], false, e.score); }
        }
      }
    });
    var list = Object.keys(nodes).map(function (k) { return nodes[k]; });
    list.sort(function (p, q) { return q.degree - p.degree || q.events - p.events || (p.name < q.name ? -1 : 1); });
    list = list.slice(0, 80);
    var kept = {};
    list.forEach(function (n) { kept[n.name] = n; });
    var edgeList = Object.keys(edges).sort().map(function (k) { return edges[k]; })
      .filter(function (e) { return kept[e.a] && kept[e.b]; });
    layout(list, edgeList);
    return { nodes: list, edges: edgeList };
  }

  function layout(nodes, edges) {
    // A small deterministic force layout: nodes start on a circle, springs along edges, repulsion between all.
    var n = nodes.length, index = {};
    nodes.forEach(function (node, i) {
      index[node.name] = i;
      node.x = Math.cos(2 * Math.PI * i / Math.max(n, 1));
      node.y = Math.sin(2 * Math.PI * i / Math.max(n, 1));
    });
    if (n < 3) { return; }
    var k = 2.4 / Math.sqrt(n), temperature = 0.2;
    for (var step = 0; step < 250; step++) {
      var dx = new Array(n).fill(0), dy = new Array(n).fill(0);
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
          var d2 = Math.max(x * x + y * y, 1e-4), f = k * k / d2;
          dx[i] += x * f; dy[i] += y * f; dx[j] -= x * f; dy[j] -= y * f;
        }
      }
      edges.forEach(function (e) {
        var a = index[e.a], b = index[e.b];
        var x = nodes[a].x - nodes[b].x, y = nodes[a].y - nodes[b].y, d = Math.sqrt(x * x + y * y) || 1e-3;
        var f = d / k;
        dx[a] -= x * f; dy[a] -= y * f; dx[b] += x * f; dy[b] += y * f;
      });
      for (var m = 0; m < n; m++) {
        // a weak pull to the centre keeps separate groups on screen
        dx[m] -= nodes[m].x * 0.5; dy[m] -= nodes[m].y * 0.5;
        var length = Math.sqrt(dx[m] * dx[m] + dy[m] * dy[m]) || 1;
        var move = Math.min(length, temperature);
        nodes[m].x += dx[m] / length * move; nodes[m].y += dy[m] / length * move;
      }
      temperature *= 0.985;
    }
  }

  function colourOf(score) {
    var t = Math.max(0, Math.min(1, (score + 10) / 20));
    for (var i = 1; i < SCALE.length; i++) {
      if (t <= SCALE[i][0]) {
        var lo = SCALE[i - 1], hi = SCALE[i], u = (t - lo[0]) / ((hi[0] - lo[0]) || 1);
        var a = parseInt(lo[1].slice(1), 16), b = parseInt(hi[1].slice(1), 16);
        var mix = [16, 8, 0].map(function (shift) {
          var p = (a >> shift) & 255, q = (b >> shift) & 255;
          return Math.round(p + (q - p) * u);
        });
        return "rgb(" + mix.join(",") + ")";
      }
    }
    return SCALE[SCALE.length - 1][1];
  }

  function networkFigure(events) {
    var g = graph(events), at = {};
    g.nodes.forEach(function (node) { at[node.name] = node; });
    var traces = [], annotations = [], hover = { x: [], y: [], text: [] };
    var undirected = {};
    g.edges.forEach(function (e) {
      var a = at[e.a], b = at[e.b], mean = e.total / e.count, colour = colourOf(mean);
      var width = Math.min(1 + 1.5 * Math.log2(1 + e.count), 7);
      hover.x.push((a.x + b.x) / 2); hover.y.push((a.y + b.y) / 2);
      hover.text.push(e.a + (e.directed ? " \u2192 " : " \u2014 ") + e.b + "<br>" + e.count +
        (e.count > 1 ? " happenings" : " happening") + ", mean score " + mean.toFixed(1));
      if (e.directed && annotations.length < 250) {
        annotations.push({ x: b.x, y: b.y, ax: a.x, ay: a.y, xref: "x", yref: "y", axref: "x", ayref: "y",
          text: "", showarrow: true, arrowhead: 2, arrowsize: 1, arrowwidth: width, arrowcolor: colour,
          standoff: 9, startstandoff: 6, opacity: 0.85 });
      } else {
        var key = colour + "|" + width;
        if (!undirected[key]) { undirected[key] = { colour: colour, width: width, x: [], y: [] }; }
        undirected[key].x.push(a.x, b.x, null); undirected[key].y.push(a.y, b.y, null);
      }
    });
    Object.keys(undirected).sort().forEach(function (key) {
      var u = undirected[key];
      traces.push({ type: "scatter", mode: "lines", x: u.x, y: u.y, hoverinfo: "skip", showlegend: false,
        line: { color: u.colour, width: u.width } });
    });
    traces.push({ type: "scatter", mode: "markers", x: hover.x, y: hover.y, hovertext: hover.text, hoverinfo: "text",
      showlegend: false, marker: { size: 10, color: "rgba(0,0,0,0)" } });
    // nodes coloured by kind; one trace per kind gives the legend
    Object.keys(KINDS).forEach(function (kind) {
      var of = g.nodes.filter(function (n) { return n.kind === kind; });
      if (!of.length) { return; }
      traces.push({ type: "scatter", mode: "markers", name: KINDS[kind].label, x: of.map(function (n) { return n.x; }),
        y: of.map(function (n) { return n.y; }), hoverinfo: "text", showlegend: true,
        hovertext: of.map(function (n) { return n.name + ": " + n.events + (n.events > 1 ? " happenings" : " happening"); }),
        marker: { size: of.map(function (n) { return 9 + 2.5 * Math.sqrt(n.degree); }), color: KINDS[kind].colour,
                  line: { color: "#ffffff", width: 1.5 } } });
    });
    // labels above the arrows, on a light background so that lines crossing them do not hide them
    g.nodes.forEach(function (n) {
      annotations.push({ x: n.x, y: n.y, xref: "x", yref: "y", text: n.name, showarrow: false, yshift: 14,
        font: { size: 11, color: "#1f2328" }, bgcolor: "rgba(255,255,255,0.82)", borderpad: 1 });
    });
    var layoutOut = {
      margin: { l: 10, r: 10, t: 10, b: 10 }, hovermode: "closest", annotations: annotations,
      legend: { orientation: "h", x: 0, y: 1.02, yanchor: "bottom", itemclick: false, itemdoubleclick: false },
      paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "#ffffff",
      xaxis: { visible: false, zeroline: false }, yaxis: { visible: false, zeroline: false, scaleanchor: "x" }
    };
    return { data: traces, layout: layoutOut, nodes: g.nodes.length, edges: g.edges.length };
  }

  // -- cards and wiring ------------------------------------------------------------------------
  var config = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ["select2d", "lasso2d"] };

  function showCards(events) {
    var visible = {};
    events.forEach(function (e) { visible[e.id] = true; });
    Array.prototype.forEach.call(document.querySelectorAll(".card"), function (card) {
      card.classList.toggle("hidden", !visible[card.getAttribute("data-id")]);
    });
  }

  function draw() {
    var events = selected();
    showCards(events);
    var dated = events.filter(function (e) { return e.start; }).length;
    $("f-count").textContent = events.length + " of " + EVENTS.length + " happenings shown, " + dated +
      " on the timeline" + (events.length > dated ? " (" + (events.length - dated) + " undated, listed below)" : "");
    document.body.setAttribute("data-drawn", "pending");
    var net = networkFigure(events);
    return Promise.all([
      Plotly.react("timeline", timelineTraces(events), timelineLayout, config),
      Plotly.react("network", net.data, net.layout, config)
    ]).then(function () {
      var drawn = document.querySelectorAll("#timeline .cartesianlayer .subplot.xy .scatterlayer .point").length;
      document.body.setAttribute("data-drawn", String(drawn));
      document.body.setAttribute("data-shown", String(events.length));
      document.body.setAttribute("data-network-nodes", String(net.nodes));
      document.body.setAttribute("data-network-edges", String(net.edges));
    });
  }

  function focusCard(id) {
    var card = document.getElementById("card-" + id);
    if (!card) { return; }
    Array.prototype.forEach.call(document.querySelectorAll(".card.focus"), function (c) { c.classList.remove("focus"); });
    card.classList.add("focus");
    card.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  function reset() {
    $("f-actor").value = ""; $("f-status").value = ""; $("f-conflicts").checked = false;
    $("f-from").value = $("f-from").defaultValue; $("f-to").value = $("f-to").defaultValue;
    Array.prototype.forEach.call(document.querySelectorAll(".types input"), function (box) { box.checked = true; });
    draw();
  }

  ["f-actor", "f-from", "f-to", "f-status", "f-conflicts"].forEach(function (id) {
    $(id).addEventListener(id === "f-actor" ? "input" : "change", draw);
  });
  Array.prototype.forEach.call(document.querySelectorAll(".types input"), function (box) {
    box.addEventListener("change", draw);
  });
  $("f-reset").addEventListener("click", reset);

  // Filters can come with the link: report.html#actor=kouleba&from=2024-01-01&types=CONSULT,AID
  function fromLink() {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    if (params.has("actor")) { $("f-actor").value = params.get("actor"); }
    if (params.has("from")) { $("f-from").value = params.get("from"); }
    if (params.has("to")) { $("f-to").value = params.get("to"); }
    if (params.has("status")) { $("f-status").value = params.get("status"); }
    if (params.has("conflicts")) { $("f-conflicts").checked = true; }
    if (params.has("types")) {
      var wanted = params.get("types").toUpperCase().split(",");
      Array.prototype.forEach.call(document.querySelectorAll(".types input"), function (box) {
        box.checked = wanted.indexOf(box.value) >= 0;
      });
    }
  }
  fromLink();
  draw().then(function () {
    $("timeline").on("plotly_click", function (event) {
      if (event.points && event.points.length && event.points[0].customdata) { focusCard(event.points[0].customdata); }
    });
  });
})();
