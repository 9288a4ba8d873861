// sitrep dashboard: map, timeline, table, event page with evidence, review mode, intake.
// Plain JS, no libraries, no network beyond this server (online tiles only when chosen).
"use strict";

const TYPE_COLORS = {
  "Battles": "#d7301f",
  "Explosions/Remote violence": "#ff8c00",
  "Violence against civilians": "#8856a7",
  "Protests": "#2b8cbe",
  "Riots": "#31a354",
  "Strategic developments": "#737373",
};
const SVG_NS = "http://www.w3.org/2000/svg";
const $ = sel => document.querySelector(sel);

const state = {
  config: {}, fields: [], types: {}, sort: "-date", offset: 0, limit: 100, total: 0,
  rows: [], reviewIds: [], reviewPos: -1, current: null, fitted: false,
};

// -- API -----------------------------------------------------------------------------------

function token() { return sessionStorage.getItem("sitrep-token") || ""; }

async function api(path, opts = {}) {
  const headers = Object.assign({}, opts.headers || {});
  if (token()) headers["Authorization"] = "Bearer " + token();
  if (opts.json !== undefined) {
    headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(opts.json);
  }
  const resp = await fetch(path, {method: opts.method || "GET", headers, body: opts.body});
  const data = await resp.json().catch(() => ({}));
  if (!resp.ok) {
    const err = (data && data.error) || {message: resp.statusText, status: resp.status};
    if (resp.status === 401 || resp.status === 403) askToken(err.message);
    throw Object.assign(new Error(err.message), {status: resp.status, body: err});
  }
  return data;
}

function say(message, isError = false) {
  const el = $("#status");
  el.textContent = message;
  el.className = isError ? "error" : "";
}

function askToken(reason) {
  const t = window.prompt((reason ? reason + "\n" : "") + "API token for writes:", token());
  if (t !== null) sessionStorage.setItem("sitrep-token", t.trim());
}

// -- filters -------------------------------------------------------------------------------

function filterParams() {
  const p = new URLSearchParams();
  const put = (k, v) => { if (v !== "" && v != null) p.set(k, v); };
  put("country", $("#f-country").value);
  put("date_from", $("#f-from").value);
  put("date_to", $("#f-to").value);
  put("type", $("#f-type").value);
  put("actor", $("#f-actor").value.trim());
  put("min_fatalities", $("#f-minfat").value);
  return p;
}

function setOptions(select, values) {
  const keep = select.value;
  select.replaceChildren(new Option("all", ""));
  values.forEach(v => select.add(new Option(v, v)));
  if ([...select.options].some(o => o.value === keep)) select.value = keep;
}

// -- map -----------------------------------------------------------------------------------

async function drawCountries() {
  const topo = await fetch("/static/countries-110m.json").then(r => r.json());
  const g = $("#countries");
  Topo.countryPaths(topo).forEach(c => {
    const path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", c.d);
    path.setAttribute("class", "country");
    const title = document.createElementNS(SVG_NS, "title");
    title.textContent = c.name;
    path.appendChild(title);
    g.appendChild(path);
  });
}

function radius(fatalities) { return 3 + Math.min(18, Math.sqrt(fatalities || 0) * 2); }

function drawPoints(rows) {
  const g = $("#points");
  g.replaceChildren();
  const pts = rows.filter(r => r.latitude != null && r.longitude != null)
    .sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0));  // small ones on top
  pts.forEach(r => {
    const [x, y] = Topo.project(r.longitude, r.latitude);
    const c = document.createElementNS(SVG_NS, "circle");
    c.setAttribute("cx", x.toFixed(2));
    c.setAttribute("cy", y.toFixed(2));
    c.dataset.r0 = radius(r.fatalities);
    c.setAttribute("fill", TYPE_COLORS[r.event_type] || "#444");
    c.setAttribute("class", "point");
    c.dataset.id = r.event_id;
    const t = document.createElementNS(SVG_NS, "title");
    t.textContent = `${r.date || "?"} ${r.sub_event_type || r.event_type || ""} — ` +
      `${r.location || ""}, ${r.country || ""}: ${r.fatalities ?? "?"} killed`;
    c.appendChild(t);
    c.addEventListener("click", () => { location.hash = "#/event/" + r.event_id; });
    g.appendChild(c);
  });
  if (pts.length && !state.fitted) { fitMap(pts); state.fitted = true; }
  scalePoints();
  drawTiles();
}

function fitMap(pts) {
  const xy = pts.map(r => Topo.project(r.longitude, r.latitude));
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  xy.forEach(([x, y]) => { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); });
  const w = Math.max(60, (x1 - x0) * 1.4), h = Math.max(35, (y1 - y0) * 1.4);
  const aspect = 1024 / 600;
  const W = Math.max(w, h * aspect), H = W / aspect;
  setView((x0 + x1) / 2 - W / 2, (y0 + y1) / 2 - H / 2, W, H);
}

function setView(x, y, w, h) {
  $("#map").setAttribute("viewBox", [x, y, w, h].map(v => v.toFixed(2)).join(" "));
  scalePoints();
}

// Keep points a constant size on screen whatever the zoom (strokes do not scale in CSS).
function scalePoints() {
  const k = viewBox()[2] / 1024;
  document.querySelectorAll("#points circle").forEach(c => {
    c.setAttribute("r", (Number(c.dataset.r0) * k).toFixed(3));
  });
}

function viewBox() { return $("#map").getAttribute("viewBox").split(" ").map(Number); }

function enableZoom() {
  const svg = $("#map");
  svg.addEventListener("wheel", ev => {
    ev.preventDefault();
    const [x, y, w, h] = viewBox();
    const rect = svg.getBoundingClientRect();
    const fx = (ev.clientX - rect.left) / rect.width, fy = (ev.clientY - rect.top) / rect.height;
    const f = ev.deltaY > 0 ? 1.25 : 0.8;
    const nw = Math.min(1024 * 1.5, Math.max(4, w * f)), nh = nw * h / w;
    setView(x + fx * (w - nw), y + fy * (h - nh), nw, nh);
    drawTiles();
  }, {passive: false});
  let drag = null;
  svg.addEventListener("mousedown", ev => { drag = [ev.clientX, ev.clientY, viewBox()]; });
  window.addEventListener("mouseup", () => { if (drag) drawTiles(); drag = null; });
  window.addEventListener("mousemove", ev => {
    if (!drag) return;
    const [cx, cy, [x, y, w, h]] = drag;
    const rect = svg.getBoundingClientRect();
    setView(x - (ev.clientX - cx) * w / rect.width, y - (ev.clientY - cy) * h / rect.height, w, h);
  });
}

// An optional online tile layer (only when the server is configured with a tile URL).
function drawTiles() {
  const g = $("#tiles");
  g.replaceChildren();
  if (!state.config.tile_url || !$("#tiles-on").checked) return;
  const [x, y, w] = viewBox();
  const z = Math.max(0, Math.min(12, Math.round(Math.log2(1024 / w * 4))));
  const n = 2 ** z, size = 1024 / n;
  for (let i = Math.floor(x / size); i <= Math.floor((x + w) / size); i++) {
    for (let j = Math.max(0, Math.floor(y / size)); j <= Math.min(n - 1, Math.floor((y + w) / size)); j++) {
      const img = document.createElementNS(SVG_NS, "image");
      const url = state.config.tile_url.replace("{z}", z).replace("{x}", ((i % n) + n) % n).replace("{y}", j);
      img.setAttribute("href", url);
      img.setAttribute("x", i * size); img.setAttribute("y", j * size);
      img.setAttribute("width", size); img.setAttribute("height", size);
      g.appendChild(img);
    }
  }
}

function drawLegend() {
  $("#legend").replaceChildren(...Object.entries(TYPE_COLORS).map(([t, c]) => {
    const s = document.createElement("span");
    s.innerHTML = `<i style="background:${c}"></i>`;
    s.append(t);
    return s;
  }));
}

// -- timeline ------------------------------------------------------------------------------

// Periods with no event are filled in so the bars sit on a true time axis.
function fillPeriods(timeline, bucket) {
  if (!timeline.length) return [];
  const byPeriod = new Map(timeline.map(t => [t.period, t]));
  const step = (bucket === "week" ? 7 : 1) * 864e5;
  const end = new Date(timeline[timeline.length - 1].period + "T00:00:00Z").getTime();
  const out = [];
  for (let t = new Date(timeline[0].period + "T00:00:00Z").getTime(); t <= end && out.length < 3000; t += step) {
    const p = new Date(t).toISOString().slice(0, 10);
    out.push(byPeriod.get(p) || {period: p, events: 0, fatalities: 0});
  }
  return out;
}

function drawTimeline(series, bucket) {
  const timeline = fillPeriods(series, bucket);
  const svg = $("#timeline");
  svg.replaceChildren();
  $("#timeline-caption").textContent = timeline.length
    ? `events per ${bucket}, ${timeline[0].period} to ${timeline[timeline.length - 1].period} (click a bar to filter)`
    : "";
  if (!timeline.length) return;
  const max = Math.max(...timeline.map(t => t.events));
  const bw = 1000 / timeline.length;
  timeline.forEach((t, i) => {
    if (!t.events) return;
    const h = Math.max(2, t.events / max * 110);
    const r = document.createElementNS(SVG_NS, "rect");
    r.setAttribute("x", i * bw + bw * 0.1); r.setAttribute("width", Math.max(1, bw * 0.8));
    r.setAttribute("y", 120 - h); r.setAttribute("height", h);
    r.setAttribute("class", "bar");
    const title = document.createElementNS(SVG_NS, "title");
    title.textContent = `${t.period}: ${t.events} events, ${t.fatalities} killed`;
    r.appendChild(title);
    r.addEventListener("click", () => {
      const start = new Date(t.period + "T00:00:00Z");
      const end = new Date(start.getTime() + (bucket === "week" ? 6 : 0) * 864e5);
      $("#f-from").value = t.period;
      $("#f-to").value = end.toISOString().slice(0, 10);
      refresh();
    });
    svg.appendChild(r);
  });
}

// -- table and listing ---------------------------------------------------------------------

function cell(tr, text) {
  const td = document.createElement("td");
  td.textContent = text == null ? "" : text;
  tr.appendChild(td);
  return td;
}

function drawTable(rows) {
  const body = $("#events tbody");
  body.replaceChildren(...rows.map(r => {
    const tr = document.createElement("tr");
    tr.dataset.id = r.event_id;
    tr.tabIndex = 0;
    cell(tr, r.date);
    const t = cell(tr, r.event_type);
    t.style.borderLeft = `4px solid ${TYPE_COLORS[r.event_type] || "#444"}`;
    cell(tr, r.sub_event_type);
    cell(tr, r.location);
    cell(tr, r.country);
    cell(tr, r.actor1);
    cell(tr, r.actor2);
    cell(tr, r.fatalities);
    cell(tr, r.status).className = "st-" + r.status;
    const open = () => { location.hash = "#/event/" + r.event_id; };
    tr.addEventListener("click", open);
    tr.addEventListener("keydown", ev => { if (ev.key === "Enter") open(); });
    return tr;
  }));
  const last = Math.min(state.offset + rows.length, state.total);
  $("#page-info").textContent = state.total ? `${state.offset + 1}–${last} of ${state.total}` : "0 events";
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = last >= state.total;
}

async function refresh() {
  const p = filterParams();
  ["csv", "geojson", "parquet"].forEach(f => { $("#x-" + f).href = `/export.${f}?${p}`; });
  const span = $("#f-from").value && $("#f-to").value
    ? (new Date($("#f-to").value) - new Date($("#f-from").value)) / 864e5 : 999;
  const bucket = span > 90 ? "week" : "day";
  try {
    const list = new URLSearchParams(p);
    list.set("sort", state.sort); list.set("offset", state.offset); list.set("limit", state.limit);
    const [page, stats, all] = await Promise.all([
      api("/events?" + list), api(`/stats?bucket=${bucket}&${p}`), api("/stats"),
    ]);
    state.total = page.total;
    state.rows = page.items;
    setOptions($("#f-country"), Object.keys(all.countries));
    setOptions($("#f-type"), Object.keys(all.event_types));
    $("#empty").hidden = Object.keys(all.countries).length > 0 || page.total > 0;
    drawTable(page.items);
    drawPoints(page.items);
    drawTimeline(stats.timeline, bucket);
    say(`${page.total} events`);
  } catch (e) { say(e.message, true); }
}

// -- event page ----------------------------------------------------------------------------

const FIELD_LABELS = {
  "event_type": "Event type", "sub_event_type": "Sub-event type", "disorder_type": "Disorder type",
  "date": "Date", "date_precision": "Date precision", "location.name": "Location",
  "location.country": "Country", "location.country_code": "Country code",
  "location.admin1": "Admin 1", "location.admin2": "Admin 2", "location.lat": "Latitude",
  "location.lon": "Longitude", "location.geo_precision": "Geo precision", "actor1": "Actor 1",
  "actor1_inter": "Actor 1 inter", "actor2": "Actor 2", "actor2_inter": "Actor 2 inter",
  "fatalities": "Fatalities", "fatalities_low": "Fatalities (low)",
  "fatalities_high": "Fatalities (high)", "wounded": "Wounded", "arrested": "Arrested",
  "abducted": "Abducted",
};
const NUMERIC = new Set(["date_precision", "location.lat", "location.lon", "location.geo_precision",
  "actor1_inter", "actor2_inter", "fatalities", "fatalities_low", "fatalities_high", "wounded",
  "arrested", "abducted"]);
const PATHS = {
  "event_type": ["codes", "acled", "event_type"], "sub_event_type": ["codes", "acled", "sub_event_type"],
  "disorder_type": ["codes", "acled", "disorder_type"], "actor1": ["actor1", "name"],
  "actor1_inter": ["actor1", "inter"], "actor2": ["actor2", "name"], "actor2_inter": ["actor2", "inter"],
};

function fieldValue(event, name) {
  const path = PATHS[name] || name.split(".");
  return path.reduce((node, k) => (node == null ? null : node[k]), event);
}

function fieldId(name) { return "fld-" + name.replace(/\./g, "-"); }

function buildForm(detail) {
  const ev = detail.event;
  const fs = $("#event-fields");
  fs.replaceChildren();
  const subs = Object.values(state.types).flat();
  state.fields.forEach(name => {
    const label = document.createElement("label");
    label.textContent = FIELD_LABELS[name] || name;
    let input;
    if (name === "event_type" || name === "sub_event_type") {
      input = document.createElement("select");
      input.add(new Option("", ""));
      (name === "event_type" ? Object.keys(state.types) : subs).forEach(v => input.add(new Option(v, v)));
    } else {
      input = document.createElement("input");
      input.type = name === "date" ? "date" : NUMERIC.has(name) ? "number" : "text";
      if (NUMERIC.has(name)) input.step = "any";
    }
    input.id = fieldId(name);
    input.name = name;
    const value = fieldValue(ev, name);
    input.value = value == null ? "" : value;
    input.dataset.original = input.value;
    if ((ev.corrected_fields || []).includes(name)) label.classList.add("corrected");
    label.appendChild(input);
    fs.appendChild(label);
  });
}

function changedFields() {
  const out = {};
  state.fields.forEach(name => {
    const input = document.getElementById(fieldId(name));
    if (!input || input.value === input.dataset.original) return;
    const v = input.value.trim();
    out[name] = v === "" ? null : NUMERIC.has(name) ? Number(v) : v;
  });
  return out;
}

// Split overlapping spans into flat segments so every highlighted word is marked once.
function highlight(text, spans) {
  const frag = document.createDocumentFragment();
  const cuts = new Set([0, text.length]);
  spans.forEach(s => { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(text.length, s.end)); });
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter(s => s.start <= a && s.end >= b);
    if (!covering.length) { frag.append(piece); continue; }
    const m = document.createElement("mark");
    const fields = [...new Set(covering.map(s => s.field))];
    m.className = "ev ev-" + fields[0].replace(/[^a-z_]/gi, "");
    m.dataset.fields = fields.join(" ");
    m.title = fields.join(", ");
    m.textContent = piece;
    frag.append(m);
  }
  return frag;
}

function drawSources(sources) {
  $("#sources").replaceChildren(...sources.map(src => {
    const art = document.createElement("article");
    art.className = "source";
    const h = document.createElement("h3");
    h.textContent = src.title || src.id;
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = [src.source, src.published, src.url].filter(Boolean).join(" · ");
    const body = document.createElement("div");
    body.className = "article-text";
    body.appendChild(highlight(src.text || "", src.evidence || []));
    art.append(h, meta, body);
    return art;
  }));
  const first = document.querySelector("#sources mark");
  if (first) first.scrollIntoView({block: "center"});
}

function drawRevisions(revs) {
  $("#revisions").replaceChildren(...revs.slice().reverse().map(r => {
    const li = document.createElement("li");
    const changes = Object.entries(r.changes || {})
      .map(([k, v]) => `${k}: ${JSON.stringify(v.old)} → ${JSON.stringify(v.new)}`).join("; ");
    li.textContent = `${r.when} ${r.who} ${r.action}${changes ? " — " + changes : ""}${r.note ? " (" + r.note + ")" : ""}`;
    return li;
  }));
}

async function showEvent(id) {
  try {
    const detail = await api("/events/" + encodeURIComponent(id));
    state.current = detail;
    const ev = detail.event;
    const acled = (ev.codes && ev.codes.acled) || {};
    const loc = ev.location || {};
    $("#event-title").textContent = `${acled.sub_event_type || "Event"} — ${loc.name || "?"}, ${ev.date || "?"}`;
    $("#event-status").textContent = ev.status;
    $("#event-status").className = "badge st-" + ev.status;
    $("#restore").hidden = !["rejected", "deleted"].includes(ev.status);
    buildForm(detail);
    drawSources(detail.sources);
    drawRevisions(detail.revisions);
  } catch (e) { say(e.message, true); }
}

async function saveCorrection() {
  const fields = changedFields();
  if (!Object.keys(fields).length) { say("nothing changed"); return false; }
  try {
    await api("/events/" + encodeURIComponent(state.current.event.event_id),
              {method: "PATCH", json: {fields}});
    say("correction saved");
    await showEvent(state.current.event.event_id);
    return true;
  } catch (e) { say(e.message, true); return false; }
}

async function review(action) {
  if (!state.current) return;
  try {
    await api(`/events/${encodeURIComponent(state.current.event.event_id)}/review`,
              {method: "POST", json: {action}});
    say(`${action}ed`);
    if (state.reviewPos >= 0) nextReview(1); else showEvent(state.current.event.event_id);
  } catch (e) { say(e.message, true); }
}

// -- review mode ---------------------------------------------------------------------------

async function startReview() {
  const p = filterParams();
  p.set("status", "unreviewed"); p.set("limit", "1000"); p.set("sort", "-date");
  try {
    const page = await api("/events?" + p);
    state.reviewIds = page.items.map(r => r.event_id);
    state.reviewPos = 0;
    if (!state.reviewIds.length) { say("nothing left to review"); location.hash = "#/"; return; }
    showView("event");
    $("#review-nav").hidden = false;
    await showEvent(state.reviewIds[0]);
    say(`reviewing 1 of ${state.reviewIds.length}`);
  } catch (e) { say(e.message, true); }
}

function nextReview(step) {
  const pos = state.reviewPos + step;
  if (pos < 0 || pos >= state.reviewIds.length) { say("end of the review list"); return; }
  state.reviewPos = pos;
  showEvent(state.reviewIds[pos]);
  say(`reviewing ${pos + 1} of ${state.reviewIds.length}`);
}

function onKey(ev) {
  if ($("#view-event").hidden) return;
  const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName);
  if (ev.key === "Escape") {
    if (typing) document.activeElement.blur(); else location.hash = "#/";
    return;
  }
  if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const keys = {
    a: () => review("accept"), r: () => review("reject"),
    e: () => { const f = document.querySelector("#event-fields input, #event-fields select"); if (f) f.focus(); },
    j: () => nextReview(1), k: () => nextReview(-1),
  };
  if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
}

// -- intake --------------------------------------------------------------------------------

function showAdded(result) {
  const arts = result.articles || [];
  const n = arts.reduce((k, a) => k + a.event_ids.length, 0);
  $("#add-result").textContent = `${arts.length} article(s) read, ${n} event(s) found` +
    arts.filter(a => a.error).map(a => `; ${a.article_id}: ${a.error}`).join("");
  state.fitted = false;
}

function wireIntake() {
  $("#add-text").addEventListener("submit", async ev => {
    ev.preventDefault();
    const body = $("#add-body").value;
    if (!body.trim()) { say("paste some text first", true); return; }
    const isHtml = /^\s*</.test(body);
    const json = isHtml ? {html: body} : {text: body};
    if ($("#add-published").value) json.published = $("#add-published").value;
    if ($("#add-title").value) json.title = $("#add-title").value;
    say("extracting…");
    try { showAdded(await api("/articles", {method: "POST", json})); say("done"); }
    catch (e) { say(e.message, true); }
  });
  $("#add-files").addEventListener("submit", async ev => {
    ev.preventDefault();
    const form = new FormData();
    [...$("#add-file-input").files].forEach(f => form.append("files", f));
    say("uploading…");
    try { showAdded(await api("/articles/upload", {method: "POST", body: form})); say("done"); }
    catch (e) { say(e.message, true); }
  });
  $("#add-url").addEventListener("submit", async ev => {
    ev.preventDefault();
    const url = $("#add-url-input").value.trim();
    const feed = $("#add-is-feed").checked;
    say("fetching…");
    try {
      showAdded(await api(feed ? "/feeds" : "/articles", {method: "POST", json: {url}}));
      say("done");
    } catch (e) { say(e.message, true); }
  });
}

// -- routing -------------------------------------------------------------------------------

function showView(name) {
  ["map", "event", "add"].forEach(v => { $("#view-" + v).hidden = v !== name; });
  $("#filters").hidden = name !== "map";
}

function route() {
  const h = location.hash;
  if (h.startsWith("#/event/")) {
    showView("event");
    const id = decodeURIComponent(h.slice(8));
    const pos = state.reviewIds.indexOf(id);
    state.reviewPos = pos;
    $("#review-nav").hidden = pos < 0;
    showEvent(id);
  } else if (h === "#/review") {
    startReview();
  } else if (h === "#/add") {
    showView("add");
  } else {
    state.reviewPos = -1;
    showView("map");
    refresh();
  }
}

async function init() {
  // A token may come in the URL once (sitrep serve prints such a link); keep it for the tab.
  const m = location.hash.match(/token=([^&]+)/);
  if (m) { sessionStorage.setItem("sitrep-token", decodeURIComponent(m[1])); history.replaceState(null, "", "/#/"); }
  state.config = await fetch("/config.json").then(r => r.json());
  const meta = await fetch("/fields").then(r => r.json());
  state.fields = meta.fields;
  state.types = meta.acled_types;
  $("#tiles-option").hidden = !state.config.tile_url;
  $("#tiles-on").addEventListener("change", drawTiles);
  $("#token-button").addEventListener("click", () => askToken(""));
  $("#filters").addEventListener("submit", ev => { ev.preventDefault(); state.offset = 0; refresh(); });
  $("#f-clear").addEventListener("click", () => { $("#filters").reset(); state.offset = 0; state.fitted = false; refresh(); });
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); refresh(); });
  $("#next").addEventListener("click", () => { state.offset += state.limit; refresh(); });
  document.querySelectorAll("#events th[data-sort]").forEach(th => th.addEventListener("click", () => {
    const key = th.dataset.sort;
    state.sort = state.sort === "-" + key ? key : "-" + key;
    refresh();
  }));
  $("#event-form").addEventListener("submit", ev => { ev.preventDefault(); saveCorrection(); });
  $("#accept").addEventListener("click", () => review("accept"));
  $("#reject").addEventListener("click", () => review("reject"));
  $("#restore").addEventListener("click", () => review("restore"));
  $("#review-next").addEventListener("click", () => nextReview(1));
  $("#review-prev").addEventListener("click", () => nextReview(-1));
  document.addEventListener("keydown", onKey);
  wireIntake();
  drawLegend();
  enableZoom();
  await drawCountries();
  window.addEventListener("hashchange", route);
  route();
}

init();
