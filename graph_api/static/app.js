// The query page: run SPARQL against /sparql and show SELECT results as a table. No libraries.
"use strict";

const ID_BASE = "https://w3id.org/policygraph/id/";
const form = document.getElementById("query-form");
const textarea = document.getElementById("query");
const statusLine = document.getElementById("status");
const results = document.getElementById("results");
const examples = JSON.parse(document.getElementById("example-queries").textContent);

function localHref(iri) {
  return iri.startsWith(ID_BASE) ? "/id/" + iri.slice(ID_BASE.length) : iri;
}

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") {
    const a = document.createElement("a");
    a.href = localHref(term.value);
    a.textContent = term.value.startsWith(ID_BASE) ? term.value.slice(ID_BASE.length) : term.value;
    td.appendChild(a);
  } else {
    td.textContent = term.value;
    if (term["xml:lang"]) td.title = "@" + term["xml:lang"];
  }
  return td;
}

function showTable(data) {
  results.replaceChildren();
  if ("boolean" in data) {
    results.textContent = "ASK answer: " + data.boolean;
    return;
  }
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const name of data.head.vars) {
    const th = document.createElement("th");
    th.textContent = name;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const binding of data.results.bindings) {
    const row = body.insertRow();
    for (const name of data.head.vars) row.appendChild(cell(binding[name]));
  }
  results.appendChild(table);
  statusLine.textContent = data.results.bindings.length + " rows";
}

async function run(event) {
  event.preventDefault();
  statusLine.textContent = "running…";
  results.replaceChildren();
  const started = performance.now();
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/sparql-query",
        "Accept": "application/sparql-results+json, text/turtle;q=0.9",
      },
      body: textarea.value,
    });
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok) {
      const text = await response.text();
      let message = text;
      try { message = JSON.parse(text).message; } catch (_) { /* not JSON */ }
      statusLine.textContent = "error " + response.status + ": " + message;
      return;
    }
    if (type.includes("sparql-results+json")) {
      showTable(await response.json());
    } else {
      const pre = document.createElement("pre");
      pre.textContent = await response.text();
      results.appendChild(pre);
      statusLine.textContent = "";
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    statusLine.textContent += " (" + seconds + " s)";
  } catch (error) {
    statusLine.textContent = "request failed: " + error;
  }
}

async function search(event) {
  event.preventDefault();
  const q = document.getElementById("search").value.trim();
  const list = document.getElementById("search-results");
  list.replaceChildren();
  if (!q) return;
  const response = await fetch("/api/search?q=" + encodeURIComponent(q));
  const data = await response.json();
  for (const hit of data.hits || []) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = localHref(hit.iri);
    a.textContent = hit.label;
    li.appendChild(a);
    li.appendChild(document.createTextNode(" (" + hit.kind + ")"));
    list.appendChild(li);
  }
}

for (const button of document.querySelectorAll("#examples button")) {
  button.addEventListener("click", () => { textarea.value = examples[button.dataset.example]; });
}
form.addEventListener("submit", run);
document.getElementById("search-form").addEventListener("submit", search);
