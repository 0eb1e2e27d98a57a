// The what-if page of fundsim serve (docs/serve.md §3): controls built from the served formula, a merge
// patch kept as the one state, POST /api/run after each change, the results, a school's statement, saved
// options and the Forum pack. Uses only the server's JSON interface; no other network.
"use strict";
const $ = (id) => document.getElementById(id);
const state = { served: null, patch: {}, schools: [], sort: { key: "urn", down: false }, lastControl: null, runs: 0 };

// ---- HTTP: the token (when the server needs one) is asked once and kept for the tab.
async function api(method, path, body) {
  const headers = { "Content-Type": "application/json" };
  const token = sessionStorage.getItem("fundsim-token");
  if (token) headers.Authorization = "Bearer " + token;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 401) {
    await askToken();
    return api(method, path, body);
  }
  let json = null;
  try { json = await res.json(); } catch (e) { json = { error: "the server's answer was not JSON" }; }
  return { ok: res.ok, status: res.status, json };
}
function askToken() {
  return new Promise((resolve) => {
    const form = $("token-form");
    form.hidden = false;
    $("token").focus();
    form.onsubmit = (ev) => {
      ev.preventDefault();
      sessionStorage.setItem("fundsim-token", $("token").value);
      form.hidden = true;
      resolve();
    };
  });
}

// ---- Formatting
const money = (v) => v === null || v === undefined ? "" : v.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = (v) => v === null || v === undefined ? "" : Math.round(v).toLocaleString("en-GB");
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
function cell(tr, text, cls) { const td = document.createElement("td"); td.textContent = text; if (cls) td.className = cls; tr.appendChild(td); return td; }
const signClass = (v) => v > 0 ? "gain" : v < 0 ? "loss" : "";

// ---- Paths in the formula: "/mfg/percent" <-> values in objects
const split = (path) => path.split("/").slice(1);
function getAt(obj, path) { return split(path).reduce((o, k) => (o && typeof o === "object" ? o[k] : undefined), obj); }
function setAt(obj, path, value) {
  const keys = split(path); let o = obj;
  keys.slice(0, -1).forEach((k) => { if (typeof o[k] !== "object" || o[k] === null) o[k] = {}; o = o[k]; });
  o[keys[keys.length - 1]] = value;
}
function deleteAt(obj, path) {
  const keys = split(path); const chain = [obj];
  for (const k of keys.slice(0, -1)) { const next = chain[chain.length - 1][k]; if (typeof next !== "object" || next === null) return; chain.push(next); }
  delete chain[chain.length - 1][keys[keys.length - 1]];
  for (let i = chain.length - 1; i > 0; i--) if (Object.keys(chain[i]).length === 0) delete chain[i - 1][keys[i - 1]];
}
function mergePatch(target, patch) {  // RFC 7386
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) return patch;
  const out = (typeof target === "object" && target !== null && !Array.isArray(target)) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) { if (v === null) delete out[k]; else out[k] = mergePatch(out[k], v); }
  return out;
}

// ---- Controls: every number the Forum is likely to move, from the served formula.
const percentKeys = new Set(["percent", "cap", "scaling"]);
function controlPaths(doc) {
  const groups = [];
  const leaves = (base, obj, into) => {
    if (typeof obj === "number") { into.push(base); return; }
    if (obj && typeof obj === "object" && !Array.isArray(obj)) for (const [k, v] of Object.entries(obj)) leaves(base + "/" + k, v, into);
  };
  const group = (title, paths) => { if (paths.length) groups.push({ title, paths }); };
  group("Protections", ["/mfg/percent", "/capping/cap", "/capping/scaling"].filter((p) => typeof getAt(doc, p) === "number"));
  if (doc.budget) { const b = []; leaves("/budget", { schools_block: doc.budget.schools_block }, b); leaves("/budget/deductions", doc.budget.deductions || {}, b); group("Budget and deductions", b); }
  if (doc.mppl) { const m = []; leaves("/mppl/level", doc.mppl.level, m); group("Minimum per pupil levels (£)", m); }
  const factors = doc.factors || {};
  const order = Object.keys(factors).sort((a, b) => (a === "lump_sum" ? -1 : b === "lump_sum" ? 1 : 0));
  for (const id of order) {
    const f = factors[id]; const p = [];
    leaves("/factors/" + id + "/rate", f.rate, p);
    if (f.maximum) leaves("/factors/" + id + "/maximum", f.maximum, p);
    if (typeof f.threshold === "number") p.push("/factors/" + id + "/threshold");
    group("Factor: " + id.replace(/_/g, " "), p);
  }
  return groups;
}
const controlId = (path) => "c" + path.replace(/[^A-Za-z0-9_]/g, "-");
const isPercent = (path) => percentKeys.has(split(path).pop()) && !path.includes("/rate/");
const namedLabels = { "/mfg/percent": "MFG percent", "/capping/cap": "Cap on gains", "/capping/scaling": "Scaling of gains above the cap", "/budget/schools_block": "Schools block (£)" };
function labelOf(path) {
  if (namedLabels[path]) return namedLabels[path] + (isPercent(path) ? " (%)" : "");
  const keys = split(path);
  const tail = keys.slice(keys[0] === "factors" ? 3 : 1).join(" ");
  return (tail || keys.join(" ")).replace(/_/g, " ") + (isPercent(path) ? " (%)" : "");
}
function buildControls() {
  const box = $("control-groups"); box.textContent = "";
  for (const g of controlPaths(state.served)) {
    const fs = document.createElement("fieldset");
    const lg = document.createElement("legend"); lg.textContent = g.title; fs.appendChild(lg);
    for (const path of g.paths) {
      const div = document.createElement("div"); div.className = "control";
      const id = controlId(path);
      div.innerHTML = `<label for="${id}">${esc(labelOf(path))}</label><input id="${id}" type="number" step="any" inputmode="decimal" aria-describedby="${id}-error"><p id="${id}-error" class="error" role="alert"></p>`;
      const input = div.querySelector("input"); input.dataset.path = path;
      input.addEventListener("change", () => controlChanged(input));
      fs.appendChild(div);
    }
    if (g.title === "Budget and deductions") fs.insertBefore(leverControl(), fs.children[1]);
    box.appendChild(fs);
  }
  showControls();
}
// The budget's lever (budget.solve_for): what balances the budget, or nothing.
const leverPath = "/budget/solve_for";
function leverControl() {
  const div = document.createElement("div"); div.className = "control";
  const id = controlId(leverPath);
  div.innerHTML = `<label for="${id}">Balanced by (the lever)</label><select id="${id}" aria-describedby="${id}-error">` +
    `<option value="">nothing</option><option value="scaling">scaling of gains</option><option value="cap">the cap</option>` +
    `<option value="factor_multiplier">a factor multiplier</option></select><p id="${id}-error" class="error" role="alert"></p>`;
  const select = div.querySelector("select");
  select.addEventListener("change", () => {
    const served = getAt(state.served, leverPath) || "";
    if (select.value === served) deleteAt(state.patch, leverPath);
    else setAt(state.patch, leverPath, select.value === "" ? null : select.value);
    state.lastControl = leverPath;
    run();
  });
  return div;
}
function showControls() {
  const now = mergePatch(state.served, state.patch);
  document.querySelectorAll("#control-groups input").forEach((input) => {
    const path = input.dataset.path; const v = getAt(now, path);
    input.value = typeof v === "number" ? String(isPercent(path) ? +(v * 100).toPrecision(12) : v) : "";
    input.classList.toggle("changed", getAt(state.patch, path) !== undefined);
  });
  const lever = $(controlId(leverPath));
  if (lever) { lever.value = getAt(now, leverPath) || ""; lever.classList.toggle("changed", getAt(state.patch, leverPath) !== undefined); }
  $("patch").value = JSON.stringify(state.patch, null, 2);
}
function controlChanged(input) {
  const path = input.dataset.path; const err = $(controlId(path) + "-error");
  const text = input.value.trim();
  if (text === "" || !isFinite(Number(text))) { err.textContent = "Give a number."; return; }
  const value = isPercent(path) ? +(Number(text) / 100).toPrecision(12) : Number(text);
  if (value === getAt(state.served, path)) deleteAt(state.patch, path); else setAt(state.patch, path, value);
  state.lastControl = path;
  run();
}

// ---- Running the current patch
function clearErrors() { document.querySelectorAll(".error").forEach((e) => { e.textContent = ""; }); $("status").classList.remove("bad"); }
async function run() {
  const asked = JSON.stringify(state.patch);
  $("status").textContent = "Calculating…";
  const { ok, json } = await api("POST", "/api/run", state.patch);
  if (JSON.stringify(state.patch) !== asked) return;  // a later change is on its way
  clearErrors();
  showControls();
  if (!ok) {
    // The message fundsim run gives, beside the control (or the editor); the last good results stay.
    const where = state.lastControl ? $(controlId(state.lastControl) + "-error") : $("patch-error");
    (where || $("patch-error")).textContent = json.error + (json.path && json.path !== "/" && !json.error.includes(json.path) ? " (at " + json.path + ")" : "");
    $("status").textContent = "Not calculated: the last good results are shown.";
    $("status").classList.add("bad");
    return;
  }
  state.runs++;
  $("status").textContent = "Calculated" + (json.ledger_run ? " (ledger run " + json.ledger_run + ")" : "") + ".";
  document.body.dataset.runs = String(state.runs);
  showResults(json);
}

function showResults(r) {
  const s = r.summary;
  state.schools = r.schools.map((x) => ({ ...x, per_pupil: x.pupils > 0 ? x.change / x.pupils : 0 }));
  const rows = (tbody, list) => { tbody.textContent = ""; for (const [label, value, id] of list) { const tr = document.createElement("tr"); const th = document.createElement("th"); th.scope = "row"; th.textContent = label; tr.appendChild(th); const td = cell(tr, value); if (id) td.id = id; tbody.appendChild(tr); } };
  const lever = s.lever && s.lever.name ? `${s.lever.name} = ${s.lever.value}${s.lever.at_limit ? " (at its limit)" : ""}` : "none";
  rows($("totals").tBodies[0], [["Total budget share (£)", money(s.total_budget_share), "total"], ["Available (£)", money(s.available), "available"],
    ["Headroom (£)", money(s.headroom), "headroom"], ["Lever", lever, "lever"], ["Schools", whole(s.schools)], ["Pupils", whole(s.pupils)]]);
  const gaining = state.schools.filter((x) => x.change > 0).length, losing = state.schools.filter((x) => x.change < 0).length;
  rows($("movers").tBodies[0], [["Schools gaining", whole(gaining), "gaining"], ["Schools losing", whole(losing), "losing"],
    ["Schools unchanged", whole(state.schools.length - gaining - losing), "unchanged"]]);
  const prot = $("protections").tBodies[0]; prot.textContent = "";
  for (const [label, n, cost, id] of [["On the MFG", s.schools_on_mfg, s.mfg_total, "on-mfg"], ["Capped", s.schools_capped, s.capping_total, "capped"], ["On the MPPL", s.schools_on_mppl, s.mppl_total, "on-mppl"]]) {
    const tr = document.createElement("tr"); cell(tr, label); cell(tr, whole(n)).id = id; cell(tr, money(cost)); prot.appendChild(tr);
  }
  histogram(state.schools.map((x) => x.per_pupil));
  groupTable($("by-phase"), "Phase", (x) => x.phase);
  groupTable($("by-area"), "Area", (x) => x.area || "(none)");
  schoolTable();
}
function groupTable(table, title, key) {
  const groups = new Map();
  for (const x of state.schools) { const g = groups.get(key(x)) || { n: 0, base: 0, now: 0, up: 0, down: 0 }; g.n++; g.base += x.baseline; g.now += x.budget_share; if (x.change > 0) g.up++; if (x.change < 0) g.down++; groups.set(key(x), g); }
  table.tHead.innerHTML = `<tr><th scope="col">${title}</th><th scope="col">Schools</th><th scope="col">Served (£)</th><th scope="col">Now (£)</th><th scope="col">Change (£)</th><th scope="col">Gaining</th><th scope="col">Losing</th></tr>`;
  const body = table.tBodies[0]; body.textContent = "";
  for (const [name, g] of [...groups.entries()].sort()) {
    const tr = document.createElement("tr"); cell(tr, name, "text"); cell(tr, whole(g.n)); cell(tr, money(g.base)); cell(tr, money(g.now));
    const ch = Math.round((g.now - g.base) * 100) / 100; cell(tr, money(ch), signClass(ch)); cell(tr, whole(g.up)); cell(tr, whole(g.down)); body.appendChild(tr);
  }
}
function histogram(values) {
  const box = document.querySelector("#histogram .chart");
  if (!values.length) { box.textContent = ""; return; }
  let lo = Math.min(...values), hi = Math.max(...values);
  if (hi - lo < 1) { lo -= 1; hi += 1; }
  const bins = 20, width = (hi - lo) / bins, counts = new Array(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  const max = Math.max(...counts), W = 760, H = 220, bw = (W - 60) / bins;
  let svg = `<svg viewBox="0 0 ${W} ${H + 40}" role="img" aria-label="Histogram of the change per pupil: ${values.length} schools from £${whole(lo)} to £${whole(hi)} per pupil">`;
  counts.forEach((c, i) => {
    const h = max ? (c / max) * H : 0, mid = lo + (i + 0.5) * width;
    svg += `<rect x="${50 + i * bw}" y="${H - h + 10}" width="${bw - 2}" height="${h}" fill="${mid < 0 ? "#b00020" : "#006b2f"}"><title>${c} schools from £${whole(lo + i * width)} to £${whole(lo + (i + 1) * width)}</title></rect>`;
  });
  svg += `<line x1="50" x2="${W - 10}" y1="${H + 10}" y2="${H + 10}" stroke="#333"/><text x="50" y="${H + 30}" font-size="12">£${whole(lo)}</text><text x="${W - 10}" y="${H + 30}" font-size="12" text-anchor="end">£${whole(hi)}</text><text x="45" y="20" font-size="12" text-anchor="end">${max}</text></svg>`;
  box.innerHTML = svg;
}
function schoolTable() {
  const q = $("search").value.trim().toLowerCase();
  const { key, down } = state.sort;
  const list = state.schools.filter((x) => !q || `${x.urn} ${x.name} ${x.phase} ${x.area}`.toLowerCase().includes(q));
  list.sort((a, b) => { const x = a[key], y = b[key]; const c = typeof x === "string" ? x.localeCompare(y) : x - y; return down ? -c : c; });
  const body = $("schools").tBodies[0]; body.textContent = "";
  for (const x of list) {
    const tr = document.createElement("tr");
    cell(tr, String(x.urn));
    const td = cell(tr, ""); const b = document.createElement("button"); b.type = "button"; b.textContent = x.name || "URN " + x.urn;
    b.setAttribute("aria-label", "Statement of " + (x.name || "URN " + x.urn)); b.onclick = () => showSchool(x.urn); td.appendChild(b);
    cell(tr, x.phase); cell(tr, whole(x.pupils)); cell(tr, money(x.baseline)); cell(tr, money(x.budget_share));
    cell(tr, money(x.change), signClass(x.change)); cell(tr, money(Math.round(x.per_pupil * 100) / 100), signClass(x.per_pupil)); cell(tr, x.flags);
    body.appendChild(tr);
  }
}
async function showSchool(urn) {
  const { ok, json } = await api("POST", "/api/school/" + urn, state.patch);
  const sec = $("school"); sec.hidden = false;
  if (!ok) { $("school-h").textContent = "School " + urn; $("explain").textContent = json.error; sec.focus(); return; }
  $("school-h").textContent = `${json.name || "School"} (URN ${urn})`;
  $("statement").srcdoc = json.statement;
  $("explain").textContent = json.explain;
  sec.focus();
}

// ---- Options and the pack
async function listOptions() {
  const { ok, json } = await api("GET", "/api/options");
  const body = $("option-list").tBodies[0]; body.textContent = "";
  if (!ok) { $("option-error").textContent = json.error; return; }
  for (const o of json.options) {
    const tr = document.createElement("tr");
    const id = "pick-" + encodeURIComponent(o.name).replace(/%/g, "_");
    const td0 = cell(tr, ""); td0.innerHTML = `<input type="checkbox" id="${id}" aria-label="Put ${esc(o.name)} in the pack">`; td0.firstChild.dataset.name = o.name;
    cell(tr, o.name + (o.error ? " (cannot be read: " + o.error + ")" : ""), "text");
    const td = cell(tr, "", "text");
    const load = document.createElement("button"); load.type = "button"; load.textContent = "Load"; load.setAttribute("aria-label", "Load " + o.name);
    load.disabled = !o.patch; load.onclick = () => { state.patch = o.patch; state.lastControl = null; $("option-name").value = o.name; run(); };
    const del = document.createElement("button"); del.type = "button"; del.textContent = "Delete"; del.setAttribute("aria-label", "Delete " + o.name);
    del.onclick = async () => { if (!confirm("Delete the option " + o.name + "?")) return; await api("DELETE", "/api/options/" + encodeURIComponent(o.name)); listOptions(); };
    td.append(load, del); body.appendChild(tr);
  }
}
async function saveOption() {
  const name = $("option-name").value.trim(); $("option-error").textContent = "";
  const { ok, json } = await api("POST", "/api/options", { name, patch: state.patch });
  if (!ok) { $("option-error").textContent = json.error; return; }
  $("option-error").textContent = "";
  $("pack").textContent = `Saved "${name}" (${json.file}).`;
  listOptions();
}
async function buildPack() {
  let names = [...document.querySelectorAll("#option-list input:checked")].map((c) => c.dataset.name);
  if (!names.length) names = [...document.querySelectorAll("#option-list input[type=checkbox]")].map((c) => c.dataset.name);
  if (!names.length) { $("pack").textContent = "Save an option first."; return; }
  $("pack").textContent = "Building the pack…";
  const { ok, json } = await api("POST", "/api/pack", { options: names });
  if (!ok) { $("pack").textContent = "The pack was not built: " + json.error; return; }
  $("pack").innerHTML = `Pack built in ${esc(json.folder)}: <a id="pack-link" href="${esc(json.address)}" target="_blank">open the Forum report</a> · <a id="pack-xlsx" href="/pack/comparison.xlsx" download="comparison.xlsx">the workbook (comparison.xlsx)</a>`;
  // Behind a token a new tab would not carry it: the files are fetched with it and opened from memory.
  if (sessionStorage.getItem("fundsim-token")) for (const a of $("pack").querySelectorAll("a")) a.onclick = (ev) => { ev.preventDefault(); openPackFile(a); };
}
async function openPackFile(a) {
  const res = await fetch(a.getAttribute("href"), { headers: { Authorization: "Bearer " + sessionStorage.getItem("fundsim-token") } });
  if (!res.ok) { $("pack").textContent = "The pack file could not be read (" + res.status + ")."; return; }
  const url = URL.createObjectURL(await res.blob());
  if (a.hasAttribute("download")) { const d = document.createElement("a"); d.href = url; d.download = a.getAttribute("download"); d.click(); }
  else window.open(url, "_blank");
}

// ---- Start
async function start() {
  const { ok, json } = await api("GET", "/api/formula");
  if (!ok) { $("status").textContent = json.error; return; }
  state.served = json.formula;
  $("formula-name").textContent = state.served.name || "";
  $("source").textContent = "Served: " + json.source + ". Every calculation is recorded in the run ledger.";
  buildControls();
  $("apply-patch").onclick = () => {
    try {
      const p = JSON.parse($("patch").value || "{}");
      if (typeof p !== "object" || p === null || Array.isArray(p)) throw new Error("the patch must be a JSON object");
      state.patch = p; state.lastControl = null; run();
    } catch (e) { $("patch-error").textContent = "Not JSON: " + e.message; }
  };
  $("reset").onclick = () => { state.patch = {}; state.lastControl = null; run(); };
  $("search").oninput = schoolTable;
  document.querySelectorAll("#schools th button").forEach((b) => { b.onclick = () => { const k = b.dataset.sort; state.sort = { key: k, down: state.sort.key === k ? !state.sort.down : false }; schoolTable(); }; });
  $("close-school").onclick = () => { $("school").hidden = true; };
  $("save-option").onclick = saveOption;
  $("build-pack").onclick = buildPack;
  await listOptions();
  await run();
}
start();
