// The SPARQL page: YASGUI (vendored) on this server's endpoint, the project's prefixes declared,
// the example queries one click away, and a warning when the server cut the results
// (X-Result-Truncated). Only this server is contacted: no endpoint catalogue, no LOV look-ups.
(function () {
  "use strict";
  // The results table's column resizer (bundled in YASGUI) adds these rules as an inline <style>,
  // which the server's Content-Security-Policy (default-src 'self') refuses with a console error.
  // It skips the insertion when a "style" element with the same "gripid" (a hash of the rules)
  // exists: such a marker is added here, and the rules adopted as a constructed style sheet.
  var GRIP_CSS = " .grip-resizable{table-layout:fixed;} .grip-resizable > tbody > tr > td, .grip-resizable > tbody > tr > th{overflow:hidden} .grip-padding > tbody > tr > td, .grip-padding > tbody > tr > th{padding-left:0!important; padding-right:0!important;} .grip-container{ height:0px; position:relative;} .grip-handle{margin-left:-5px; position:absolute; z-index:5; } .grip-handle .grip-resizable{position:absolute;background-color:red;filter:alpha(opacity=1);opacity:0;width:10px;height:100%;cursor: col-resize;top:0px} .grip-lastgrip{position:absolute; width:1px; } .grip-drag{ border-left:1px dotted black;\t} .grip-flex{width:auto!important;} .grip-handle.grip-disabledgrip .grip-resizable{cursor:default; display:none;}";
  function gripId(text) {  // the resizer's own hash (djb2 with xor, from the end)
    var hash = 5381;
    for (var i = text.length; i; ) hash = (33 * hash) ^ text.charCodeAt(--i);
    return String(hash >>> 0);
  }
  function adoptGripStyle() {
    // an element named "style" outside the HTML namespace: found by querySelectorAll("style"),
    // never read as a style sheet, so there is nothing for the CSP to refuse
    var marker = document.createElementNS("urn:policygraph:marker", "style");
    marker.gripid = gripId(GRIP_CSS);
    document.head.appendChild(marker);
    if (typeof CSSStyleSheet === "function" && "adoptedStyleSheets" in document) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(GRIP_CSS);
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
    }
  }
  var config = JSON.parse(document.getElementById("sparql-config").textContent);
  var endpoint = new URL(config.endpoint, window.location.href).href;
  var warning = document.getElementById("truncated");
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];  // LOV would leave 127.0.0.1
  adoptGripStyle();
  function prefixed(query) {
    var declared = Object.keys(config.prefixes).filter(function (name) {
      return query.indexOf("PREFIX " + name + ":") < 0 && query.indexOf("prefix " + name + ":") < 0;
    }).map(function (name) { return "PREFIX " + name + ": <" + config.prefixes[name] + ">"; });
    return (declared.length ? declared.join("\n") + "\n" : "") + query;
  }
  var first = config.first ? config.examples[config.first].query : "SELECT * WHERE { ?s ?p ?o } LIMIT 10";
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: null,
    yasqe: { value: prefixed(first) },
  });
  var watched = typeof WeakSet === "function" ? new WeakSet() : null;
  function watch(tab) {
    var yasqe = tab && tab.getYasqe && tab.getYasqe();
    if (!yasqe || (watched && watched.has(yasqe))) return;
    if (watched) watched.add(yasqe);
    yasqe.on("query", function () { warning.hidden = true; });
    yasqe.on("queryResponse", function (_editor, response) {
      var header = response && response.headers && response.headers.get
        ? response.headers.get("X-Result-Truncated") : null;
      warning.hidden = !header;
    });
  }
  watch(yasgui.getTab());
  yasgui.on("tabChange", function () { watch(yasgui.getTab()); });
  yasgui.on("tabAdd", function () { window.setTimeout(function () { watch(yasgui.getTab()); }, 0); });
  document.querySelectorAll("#examples button[data-example]").forEach(function (button) {
    button.addEventListener("click", function () {
      var tab = yasgui.getTab();
      watch(tab);
      tab.getYasqe().setValue(prefixed(config.examples[button.dataset.example].query));
    });
  });
})();
