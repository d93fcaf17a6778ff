// Draw the view from the JSON data block: positions come from Python, physics stays off.
// Every string reaches the page as text (textContent / vis-network's innerText tooltips).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("view-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("graph");
  var options = {
    physics: { enabled: false },
    layout: { improvedLayout: false, hierarchical: false },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: data.nodes.length > 1500 },
    nodes: { font: { size: 13 }, borderWidth: 1, size: 14 },
    edges: { smooth: false, arrows: { to: { enabled: true, scaleFactor: 0.5 } }, width: 1 }
  };
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  // Cluster frames (agencies overview): a tinted rectangle and its title behind the nodes,
  // drawn on the canvas as text, never as HTML.
  if (data.frames && data.frames.length) {
    network.on("beforeDrawing", function (ctx) {
      data.frames.forEach(function (frame) {
        ctx.save();
        ctx.globalAlpha = 0.08;
        ctx.fillStyle = frame.colour;
        ctx.fillRect(frame.x, frame.y, frame.w, frame.h);
        ctx.globalAlpha = 0.6;
        ctx.strokeStyle = frame.colour;
        ctx.lineWidth = 2;
        ctx.strokeRect(frame.x, frame.y, frame.w, frame.h);
        ctx.globalAlpha = 1;
        ctx.fillStyle = "#222222";
        ctx.font = "bold 30px system-ui, sans-serif";
        ctx.textBaseline = "top";
        ctx.fillText(frame.label, frame.x + 14, frame.y + 12, frame.w - 28);
        ctx.restore();
      });
    });
  }
  window.__network = network;
  // Fit what is shown: folded tasks are hidden but vis-network would still fit around them.
  var shown = data.nodes.filter(function (n) { return !n.hidden; }).map(function (n) { return n.id; });
  if (shown.length < data.nodes.length) { network.fit({ nodes: shown, animation: false }); }
  // A tall view (alignment bands) fitted whole would be too small to read: open at its top.
  var readable = 0.75;
  if (data.start_top && data.nodes.length && network.getScale() < readable) {
    var top = Math.min.apply(null, data.nodes.map(function (n) { return n.y; }));
    var middle = top + container.clientHeight / (2 * readable) - 30;
    network.moveTo({ position: { x: 0, y: middle }, scale: readable, animation: false });
  }
  window.__viewReady = false;
  network.once("afterDrawing", function () {
    window.__viewReady = true;
    document.body.setAttribute("data-ready", "1");
  });

  // Search ignores case and diacritics ("so khoa hoc" finds "Sở Khoa học").
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  var folded = data.nodes.map(function (n) { return [n.id, fold(n.label + " " + (n.title || ""))]; });
  var matches = [], cursor = -1, lastQuery = null;
  var status = document.getElementById("search-status");
  document.getElementById("search").addEventListener("submit", function (event) {
    event.preventDefault();
    var query = fold(document.getElementById("search-input").value.trim());
    if (!query) { return; }
    if (query !== lastQuery) {
      lastQuery = query;
      matches = folded.filter(function (pair) { return pair[1].indexOf(query) >= 0; })
        .map(function (pair) { return pair[0]; });
      cursor = -1;
    }
    if (!matches.length) { status.textContent = data.words.not_found; return; }
    cursor = (cursor + 1) % matches.length;
    var id = matches[cursor];
    var found = nodes.get(id);
    if (found && found.fold && !open[found.fold]) { window.__toggleFold(found.fold); }  // unfold
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    window.__focused = id;
    status.textContent = (cursor + 1) + "/" + matches.length;
  });

  // A filter's select reloads the view at once (the button stays for keyboards and no-JS).
  var filters = document.getElementById("filters");
  if (filters) {
    Array.prototype.forEach.call(filters.querySelectorAll("select"), function (select) {
      select.addEventListener("change", function () { filters.submit(); });
    });
  }

  // Folded tasks (dependency view): a group node under each document holds its tasks hidden;
  // a click shows them in a column under it and pushes every lower row down by that column's
  // height (positions are computed from the ones Python gave, so closing restores them).
  var base = {}, folds = {}, open = {};
  data.nodes.forEach(function (n) {
    base[n.id] = { x: n.x, y: n.y };
    if (n.members) { folds[n.id] = n; }
  });
  function foldHeight(group) {
    var last = base[group.id].y;
    group.members.forEach(function (id) { last = Math.max(last, base[id].y); });
    return last - base[group.id].y + 40;
  }
  function relayout() {
    var bands = {};  // base y of an open group's row -> the tallest open column in that row
    Object.keys(open).forEach(function (id) {
      var y = base[id].y;
      bands[y] = Math.max(bands[y] || 0, foldHeight(folds[id]));
    });
    var rows = Object.keys(bands).map(Number);
    function shift(y) {
      var total = 0;
      rows.forEach(function (row) { if (row < y) { total += bands[row]; } });
      return total;
    }
    var updates = [];
    data.nodes.forEach(function (n) {
      var anchor = n.fold ? base[n.fold].y : base[n.id].y;
      var update = { id: n.id, x: base[n.id].x, y: base[n.id].y + shift(anchor) };
      if (n.fold) { update.hidden = !open[n.fold]; }
      if (n.members) { update.label = n.labels[open[n.id] ? 1 : 0]; }
      updates.push(update);
    });
    nodes.update(updates);
  }
  window.__toggleFold = function (id) {
    if (open[id]) { delete open[id]; } else { open[id] = true; }
    relayout();
    return !!open[id];
  };

  // A click on a group opens or closes it; on any other node, opens its entity page.
  network.on("click", function (params) {
    if (!params.nodes.length) { return; }
    var node = nodes.get(params.nodes[0]);
    if (node && node.members && node.members.length) { window.__toggleFold(node.id); return; }
    if (node && node.url) { window.location.href = data.link_base + node.url; }
  });
})();
