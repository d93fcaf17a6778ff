// The SPARQL page: YASGUI (vendored) on this server's endpoint, the project's prefixes declared,
// the example queries one click away, and a warning when the server cut the results
// (X-Result-Truncated). Only this server is contacted: no endpoint catalogue, no LOV look-ups.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("sparql-config").textContent);
  var endpoint = new URL(config.endpoint, window.location.href).href;
  var warning = document.getElementById("truncated");
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];  // LOV would leave 127.0.0.1
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
