// Hadath dashboard: a thin client of the JSON API. Every view reads one endpoint (its JSON twin, linked
// in the footer). Article text is untrusted: it only ever reaches the page through textContent
// (the el() helper below); nothing from the API is written with innerHTML.
"use strict";

const STRINGS = {
  ar: {
    "nav.dyad": "العلاقة الثنائية", "nav.network": "شبكة الفاعلين", "nav.map": "الخريطة", "nav.search": "بحث",
    json: "بيانات هذه الصفحة:", switch: "English", actorA: "الطرف الأول", actorB: "الطرف الثاني",
    from: "من", to: "إلى", by: "التجميع", week: "أسبوع", month: "شهر", day: "يوم", show: "عرض", brief: "الموجز", briefMore: "أحداث لم تُروَ في النص", briefSite: "موقع إخباري", briefArticle: "المقال", briefEvent: "صفحة الحدث", briefLow: "ثقة منخفضة",
    timeline: "التعاون والصراع عبر الزمن", events: "الأحداث", date: "التاريخ", code: "الحدث", parties: "الطرفان",
    status: "الحالة", sources: "المصادر", quad1: "تعاون لفظي", quad2: "تعاون مادي", quad3: "صراع لفظي",
    quad4: "صراع مادي", goldstein: "متوسط غولدستاين", none: "لا نتائج", loading: "جارٍ التحميل…",
    mentions: "التقارير", article: "المقال", published: "نُشر", outlet: "المصدر", prev: "السابق", next: "التالي",
    searchPlaceholder: "كلمات البحث", articles: "المقالات", network: "من يتفاعل مع من", map: "مواقع الأحداث",
    entities: "الأسماء", back: "رجوع", total: "المجموع", minEvents: "أدنى عدد أحداث", event: "الحدث",
    occurred: "وقع", ongoing: "جارٍ", planned: "مرتقب", postponed: "مؤجل", cancelled: "ملغى", denied: "منفي",
    hypothetical: "افتراضي", actual: "ما وقع فعلًا", all: "الكل", killed: "القتلى", injured: "الجرحى", stats: (s) => `${s.events} حدثًا في ${s.articles} مقالًا`,
    "nav.events": "الأحداث", actor: "الفاعل أو الدولة", root: "فئة الحدث", quadClass: "الفئة الرباعية", place: "المكان",
    any: "الكل", csv: "تنزيل CSV", location: "المكان", year: "سنة", eventsOver: "الأحداث عبر الزمن",
    precision_place: "مكان", precision_region: "منطقة", precision_country: "دولة", moreEvents: (n) => `و${n} غيرها`,
    "nav.alerts": "التنبيهات", alerts: "التنبيهات", rules: "قواعد التنبيه", rule: "القاعدة", matched: "وقت التنبيه",
    delivery: "الإرسال", delivered: "أُرسل", pending: "بانتظار الإرسال", retrying: "يُعاد المحاولة", nowebhook: "بلا عنوان",
    webhook: "عنوان الإرسال", conditions: "الشروط", gone: "أُعيد ترميزه", lastError: "آخر خطأ", score: "غولدستاين",
    "nav.sources": "المصادر", sourcesTitle: "مصادر الرصد", lastSuccess: "آخر نجاح", feedsFailing: "خلاصات متعثرة",
    articlesToday: "مقالات اليوم", eventsToday: "أحداث اليوم", errorsToday: "أخطاء اليوم",
    never: "أبدًا", noSources: "لم يُرصد أي مصدر بعد في هذا المخزن (hadath watch)",
    "nav.methodology": "المنهجية", minSources: "أدنى عدد مصادر", partners: "الشركاء", counterpart: "الطرف الآخر",
    asSource: "منه", asTarget: "إليه", actorEvents: "أحداثه", allEvents: "كل أحداثه في جدول الأحداث", dyadLink: "العلاقة",
    confidence: "الثقة", attribution: "منسوب إلى", dateSource: "مصدر التاريخ", datePrecision: "دقة التاريخ",
    dateFrom_text: "نص الحدث", dateFrom_context: "سياق الخبر", dateFrom_publication: "تاريخ النشر",
    precisionDay: "يوم", precisionMonth: "شهر", precisionYear: "سنة", precisionUnknown: "غير معروف",
    badDate: "تاريخ غير صالح: اكتب سنة أو سنة وشهرًا أو تاريخًا كاملًا (2024 أو 2024-03 أو 2024-03-15)",
    endBeforeStart: "نهاية الفترة قبل بدايتها", badCount: "اكتب عددًا صحيحًا أكبر من صفر",
    unknownActor: (code, near) => `لا يعرف المخزن الفاعل «${code}»${near.length ? "؛ هل تقصد:" : ""}`,
    fixFilters: "صحّح الحقول المعلَّمة لعرض النتائج.", places: (n) => `${n} أماكن`, zoomIn: "تكبير",
    methodology: "كيف تُقرأ هذه البيانات", goldsteinScore: "درجة غولدستاين", reports: "التقارير",
  },
  en: {
    "nav.dyad": "Dyad", "nav.network": "Actor network", "nav.map": "Map", "nav.search": "Search",
    json: "This page's data:", switch: "العربية", actorA: "First actor", actorB: "Second actor",
    from: "From", to: "To", by: "Group by", week: "week", month: "month", day: "day", show: "Show", brief: "Brief", briefMore: "Events not told above", briefSite: "a news site", briefArticle: "article", briefEvent: "event page", briefLow: "low confidence",
    timeline: "Cooperation and conflict over time", events: "Events", date: "Date", code: "Event", parties: "Parties",
    status: "Status", sources: "Sources", quad1: "Verbal cooperation", quad2: "Material cooperation",
    quad3: "Verbal conflict", quad4: "Material conflict", goldstein: "Mean Goldstein", none: "No results",
    loading: "Loading…", mentions: "Reports", article: "Article", published: "Published", outlet: "Outlet",
    prev: "Previous", next: "Next", searchPlaceholder: "Search words", articles: "Articles",
    network: "Who acts on whom", map: "Where events happened", entities: "Names", back: "Back", total: "Total",
    minEvents: "Minimum events", event: "Event", occurred: "occurred", ongoing: "ongoing", planned: "planned",
    postponed: "postponed", cancelled: "cancelled", denied: "denied", hypothetical: "hypothetical",
    actual: "what happened", all: "all", killed: "Killed", injured: "Injured",
    "nav.events": "Events", actor: "Actor or country", root: "Event root", quadClass: "QuadClass", place: "Place",
    any: "any", csv: "Download CSV", location: "Place", year: "year", eventsOver: "Events over time",
    precision_place: "place", precision_region: "region", precision_country: "country", moreEvents: (n) => `and ${n} more`,
    stats: (s) => `${s.events} events in ${s.articles} articles`,
    "nav.alerts": "Alerts", alerts: "Alerts", rules: "Alert rules", rule: "Rule", matched: "Raised",
    delivery: "Delivery", delivered: "delivered", pending: "pending", retrying: "retrying", nowebhook: "no webhook",
    webhook: "Webhook", conditions: "Conditions", gone: "re-coded away", lastError: "Last error", score: "Goldstein",
    "nav.sources": "Sources", sourcesTitle: "Watched sources", lastSuccess: "Last success", feedsFailing: "Feeds failing",
    articlesToday: "Articles today", eventsToday: "Events today", errorsToday: "Errors today",
    never: "never", noSources: "No source watched in this store yet (hadath watch)",
    "nav.methodology": "Methodology", minSources: "Minimum sources", partners: "Partners", counterpart: "Counterpart",
    asSource: "by it", asTarget: "towards it", actorEvents: "Its events", allEvents: "all its events in the events table", dyadLink: "dyad",
    confidence: "Confidence", attribution: "Attributed to", dateSource: "Date from", datePrecision: "Date precision",
    dateFrom_text: "the event's own words", dateFrom_context: "the story's context", dateFrom_publication: "the publication date",
    precisionDay: "day", precisionMonth: "month", precisionYear: "year", precisionUnknown: "unknown",
    badDate: "Not a date: write a year, a year and month, or a full date (2024, 2024-03 or 2024-03-15)",
    endBeforeStart: "The period ends before it starts", badCount: "Write a whole number above zero",
    unknownActor: (code, near) => `No stored event has the actor “${code}”${near.length ? "; did you mean:" : ""}`,
    fixFilters: "Correct the marked fields to see results.", places: (n) => `${n} places`, zoomIn: "Zoom in",
    methodology: "How to read these data", goldsteinScore: "Goldstein score", reports: "Reports",
  },
};
const QUAD_COLOURS = { quad1: "#81c784", quad2: "#2e7d32", quad3: "#ef9a9a", quad4: "#c62828" };
const PAGE = 25;
const STATUSES = ["occurred", "ongoing", "planned", "postponed", "cancelled", "denied", "hypothetical"];
const EVENT_FILTERS = ["status", "actor", "root", "quad_class", "place", "min_sources", "from", "to"];

let lang = localStorage.getItem("hadath-lang") || "ar";
let charts = [];
const t = (key) => STRINGS[lang][key] ?? key;

// -- safe DOM building ----------------------------------------------------------------------------
// Bidi embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069) reorder what follows
// them: a title or a URL holding one could show "moc.elpmaxe" as "example.com". Every text and
// attribute the page shows is written without them.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const shown = (text) => String(text).replace(BIDI_CONTROLS, "");

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, shown(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(shown(child)));
  }
  return node;
}

// An article's URL is a link only when it is http(s); a javascript: or data: URL is shown as text.
function externalLink(url, label) {
  let parsed = null;
  try { parsed = new URL(url); } catch { parsed = null; }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    return el("span", { class: "url", dir: "ltr" }, label);
  }
  return el("a", { href: parsed.href, rel: "noopener noreferrer", target: "_blank", dir: "ltr" }, label);
}

// Each route() is numbered: an answer that comes back after the reader moved to another view is
// dropped (api throws a `stale` error, which route() ignores), so an old view never draws into the new.
let routeSerial = 0;

async function api(path) {
  const serial = routeSerial;
  const headers = {};
  const token = sessionStorage.getItem("hadath-token");
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { headers });
  const body = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (serial !== routeSerial) throw Object.assign(new Error("stale"), { stale: true });
  if (!response.ok) throw Object.assign(new Error(body.error || `HTTP ${response.status}`), { body });
  return body;
}

function setJsonTwin(path) {
  document.getElementById("json-link").setAttribute("href", path);
  document.getElementById("json-link").textContent = path;
}

function disposeCharts() {
  for (const chart of charts) chart.dispose();
  charts = [];
}

function goldsteinColour(value) {
  // -10 red, 0 grey, +10 green
  if (value === null || value === undefined) return "#9e9e9e";
  const share = Math.max(-1, Math.min(1, value / 10));
  const mix = (a, b, s) => Math.round(a + (b - a) * s);
  const [r, g, b] = share >= 0
    ? [mix(158, 46, share), mix(158, 125, share), mix(158, 50, share)]
    : [mix(158, 198, -share), mix(158, 40, -share), mix(158, 40, -share)];
  return `rgb(${r},${g},${b})`;
}

// ECharts tooltips are HTML: anything from the data that reaches a tooltip goes through this first.
function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function badge(status) {
  return el("span", { class: `badge ${status}` }, t(status));
}

function codeCell(row) {
  const names = row.cameo_name || {};
  return el("td", {}, el("span", {}, names[lang] || row.cameo, " ", el("span", { class: "code" }, `(${row.cameo})`)),
    el("span", { class: "en", lang: lang === "ar" ? "en" : "ar" }, lang === "ar" ? names.en : names.ar));
}

function party(row, side) {
  const label = row[`${side}_label`];
  if (label) return `${label[lang]} [${row[`${side}_actor`] || row[`${side}_key`]}]`;
  return row[`${side}_name`] ? `${row[`${side}_name`]} (${row[`${side}_actor`] || row[`${side}_key`]})`
    : row[`${side}_actor`] || row[`${side}_key`] || "—";
}

function eventTable(items) {
  if (!items.length) return el("p", { class: "muted" }, t("none"));
  return el("table", { id: "event-table" },
    el("thead", {}, el("tr", {}, ["date", "code", "parties", "status", "sources"].map((k) => el("th", {}, t(k))))),
    el("tbody", {}, items.map((row) => el("tr", {
      class: "clickable", dataset: { eventId: row.id }, tabindex: 0,
      onclick: () => { location.hash = `#/event/${row.id}`; },
    },
    el("td", { class: "num", dir: "ltr" }, row.date || (row.event_day || "").slice(0, 10) || "—"),
    codeCell(row),
    el("td", {}, `${party(row, "source")} ← ${party(row, "target")}`.replace("←", lang === "ar" ? "←" : "→")),
    el("td", {}, badge(row.status)),
    el("td", { class: "num", dir: "ltr" }, String(row.num_sources))))));
}

function params(query) {
  return new URLSearchParams(query || "");
}

// -- filters checked in the page: an error is shown beside its field, in the page's language, and the
// view stays as it was (nothing is asked of the API with a bad value) -------------------------------
const DATE_INPUT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function periodBound(value, end) {
  // "2024" -> 2024-01-01 (2024-12-31 as an end); "2024-02" -> 2024-02-01 (2024-02-29); null when not a date
  const m = DATE_INPUT.exec(value);
  if (!m) return null;
  const year = Number(m[1]), month = m[2] ? Number(m[2]) : null, day = m[3] ? Number(m[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  const last = (y, mo) => new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (day !== null && (day < 1 || day > last(year, month))) return null;
  const pad = (n) => String(n).padStart(2, "0");
  if (!end) return `${m[1]}-${pad(month || 1)}-${pad(day || 1)}`;
  return `${m[1]}-${pad(month || 12)}-${pad(day || last(year, month || 12))}`;
}

function filterErrors(values) {
  const errors = {};
  for (const name of ["from", "to"]) {
    if (values[name] && periodBound(values[name], name === "to") === null) errors[name] = t("badDate");
  }
  if (!errors.from && !errors.to && values.from && values.to && periodBound(values.from, false) > periodBound(values.to, true)) {
    errors.to = t("endBeforeStart");
  }
  if (values.min_sources && !/^[1-9]\d{0,5}$/.test(values.min_sources)) errors.min_sources = t("badCount");
  return errors;
}

function showFieldErrors(form, errors) {
  for (const old of form.querySelectorAll(".field-error")) old.remove();
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  for (const [name, message] of Object.entries(errors)) {
    const input = form.querySelector(`[name="${name}"]`);
    if (!input) continue;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", `error-${name}`);
    (input.closest("label") || form).append(el("span", { class: "field-error", id: `error-${name}`, role: "alert" }, message));
  }
  return Object.keys(errors).length > 0;
}

// A form's values as plain strings (several checked boxes of one name joined by commas).
function formValues(form) {
  const data = new FormData(form), out = {};
  for (const name of new Set(data.keys())) out[name] = data.getAll(name).map(String).join(",").trim();
  return out;
}

// -- views ------------------------------------------------------------------------------------------
async function dyadView(query) {
  const view = document.getElementById("view");
  const [actors, stats] = await Promise.all([api("/api/actors?limit=500"), api("/api/stats")]);
  let a = query.get("a"), b = query.get("b");
  if (!a || !b) {
    const net = await api("/api/network?limit=1");
    if (net.edges.length) { a = net.edges[0].source_key; b = net.edges[0].target_key; }
  }
  const from = query.get("from") || (stats.first_event_day || "").slice(0, 7);
  const to = query.get("to") || (stats.last_event_day || "").slice(0, 7);
  const by = query.get("by") || "month";
  const status = query.get("status") || "actual";
  const offset = Number(query.get("offset") || 0);
  const actorSelect = (name, value) => el("select", { name, id: `actor-${name}` },
    actors.items.map((x) => el("option", { value: x.key, selected: x.key === value },
      `${lang === "ar" ? x.name_ar : x.name_en} (${x.key})`)));
  const form = el("form", { class: "filters", id: "dyad-form" },
    el("label", {}, t("actorA"), actorSelect("a", a)),
    el("label", {}, t("actorB"), actorSelect("b", b)),
    el("label", {}, t("from"), el("input", { name: "from", value: from, placeholder: "2024-01", size: 10 })),
    el("label", {}, t("to"), el("input", { name: "to", value: to, placeholder: "2024-12", size: 10 })),
    el("label", {}, t("by"), el("select", { name: "by" }, ["week", "month", "day"].map((p) => el("option", { value: p, selected: p === by }, t(p))))),
    el("label", {}, t("status"), el("select", { name: "status" }, ["actual", "all", "planned", "denied", "hypothetical"].map((p) => el("option", { value: p, selected: p === status }, t(p))))),
    el("button", { type: "submit" }, t("show")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (showFieldErrors(form, filterErrors(formValues(form)))) return;
    const data = new URLSearchParams(new FormData(form));
    location.hash = `#/dyad?${data}`;
  });
  view.replaceChildren(form);
  if (!urlFiltersOk(form, { from, to })) return;
  if (!a || !b) { view.append(el("p", { class: "muted" }, t("none"))); return; }
  const period = new URLSearchParams();
  if (from) period.set("from", from);
  if (to) period.set("to", to);
  const timelinePath = `/api/dyad/${a}/${b}/timeline?by=${by}&status=${status}&${period}`;
  const eventsPath = `/api/events?dyad=${a}-${b}&limit=${PAGE}&offset=${offset}&${period}`;
  setJsonTwin(timelinePath);
  const [timeline, events] = await Promise.all([api(timelinePath), api(eventsPath)]);
  const chartBox = el("div", { id: "timeline", class: "chart", dataset: { points: timeline.series.length } });
  view.append(el("section", { class: "panel" }, el("h2", {}, t("timeline")), chartBox));
  const chart = echarts.init(chartBox, null, { renderer: "canvas" });
  charts.push(chart);
  const periods = timeline.series.map((p) => p.period);
  chart.setOption({
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 50, right: 50, top: 40, bottom: 30 },
    xAxis: { type: "category", data: periods, inverse: lang === "ar" },
    yAxis: [{ type: "value", name: t("events"), position: lang === "ar" ? "right" : "left" },
      { type: "value", name: t("goldstein"), min: -10, max: 10, position: lang === "ar" ? "left" : "right" }],
    series: [
      ...["quad1", "quad2", "quad3", "quad4"].map((q) => ({
        name: t(q), type: "bar", stack: "quad", itemStyle: { color: QUAD_COLOURS[q] },
        data: timeline.series.map((p) => p[q]),
      })),
      { name: t("goldstein"), type: "line", yAxisIndex: 1, data: timeline.series.map((p) => p.goldstein_mean),
        itemStyle: { color: "#1d2330" } },
    ],
  });
  const briefBox = el("section", { class: "panel", id: "brief" });
  const briefButton = el("button", { type: "button", id: "brief-button" }, t("brief"));
  briefButton.addEventListener("click", async () => {
    const path = `/api/brief/${a}/${b}?lang=${lang}&from=${from || stats.first_event_day}&to=${to || stats.last_event_day}`;
    briefBox.replaceChildren(t("loading"));
    try { renderBrief(briefBox, await api(path)); setJsonTwin(path); } catch (err) { briefBox.replaceChildren(el("p", { class: "error" }, err.message)); }
  });
  const pager = el("div", { class: "pager" },
    el("span", {}, `${t("total")}: `, el("bdi", {}, String(events.total))),
    offset > 0 ? el("a", { href: `#/dyad?${withParam(query, "offset", Math.max(0, offset - PAGE), { a, b, from, to, by, status })}` }, t("prev")) : null,
    offset + PAGE < events.total ? el("a", { href: `#/dyad?${withParam(query, "offset", offset + PAGE, { a, b, from, to, by, status })}` }, t("next")) : null);
  view.append(el("section", { class: "panel" }, el("h2", {}, t("events"), " ", briefButton), eventTable(events.items), pager), briefBox);
}

function withParam(query, name, value, base) {
  const out = new URLSearchParams(base);
  for (const [k, v] of query) if (!out.has(k)) out.set(k, v);
  out.set(name, value);
  return out;
}

function renderBrief(box, brief) {
  // Sentences cite numbered notes: the articles behind them (outlet, date, link) and the events' pages.
  // The dashboard routes on the URL's hash: a note is scrolled to, not linked to by "#…".
  const marks = (claim) => (claim.notes || []).map((n) => el("sup", { class: "cite", role: "link", tabindex: "0",
    onclick: () => document.getElementById(`brief-note-${n}`)?.scrollIntoView({ block: "center" }) }, String(n)));
  const [comma, semicolon] = brief.lang === "ar" ? ["، ", "؛ "] : [", ", "; "];
  const isWeb = (url) => /^https?:\/\//i.test(url || "");
  const note = (n) => el("li", { id: `brief-note-${n.number}` },
    n.more ? `${t("briefMore")}: ` : "",
    n.sources.flatMap((s, i) => [i ? semicolon : "", s.outlet || t("briefSite"), s.date ? comma + s.date : "",
      isWeb(s.url) ? [comma, el("a", { href: s.url, dir: "ltr", rel: "noreferrer", target: "_blank" }, t("briefArticle"))] : ""]),
    n.events.flatMap((id) => [semicolon, el("a", { href: `#/event/${id}` }, t("briefEvent"))]),
    n.low_confidence ? ` (${t("briefLow")})` : "");
  box.replaceChildren(el("article", { class: "brief", dir: brief.lang === "ar" ? "rtl" : "ltr", lang: brief.lang },
    el("h1", {}, brief.title),
    brief.sections.map((section) => el("section", {}, el("h2", {}, section.title),
      section.key === "event"
        ? el("ul", {}, Object.values(section.claims.reduce((groups, c) => {
            (groups[c.group] = groups[c.group] || []).push(c.text, marks(c), " ");
            return groups;
          }, {})).map((parts) => el("li", {}, parts)))
        : el("p", {}, section.claims.map((c) => [c.text, marks(c), " "])))),
    (brief.notes || []).length ? el("ol", { class: "notes" }, brief.notes.map(note)) : ""));
}

function sentenceWithTrigger(m) {
  const sentence = m.sentence_text || "";
  const parts = [el("span", { class: "context" }, m.context_before || "")];
  const inner = el("span", { class: "sentence" });
  if (m.trigger_in_sentence) {
    const [s, e] = m.trigger_in_sentence;
    inner.append(sentence.slice(0, s), el("mark", { class: "trigger" }, sentence.slice(s, e)), sentence.slice(e));
  } else {
    inner.append(sentence);
  }
  parts.push(inner, el("span", { class: "context" }, m.context_after || ""));
  return el("p", { class: "in-context", dir: "auto" }, parts);
}

// [["Killed", "≥10"], ["Injured", "30"]] for a violent act whose reports count its casualties.
function casualties(ev) {
  return [["fatalities", "killed"], ["injured", "injured"]]
    .filter(([count]) => ev[count] !== null && ev[count] !== undefined)
    .map(([count, word]) => [t(word), `${ev[`${count}_lower_bound`] ? "≥" : ""}${ev[count]}`]);
}

const PRECISION_WORDS = { day: "precisionDay", month: "precisionMonth", year: "precisionYear", unknown: "precisionUnknown" };

// A party as a link to its actor page (by its key: a state or group), else as text.
function partyLink(row, side) {
  const key = row[`${side}_key`];
  return key ? el("a", { href: `#/actor/${encodeURIComponent(key)}`, class: `party ${side}` }, party(row, side)) : party(row, side);
}

// A number, date or code that must keep its own direction inside Arabic text ("-6.5", "2024-03-13").
const iso = (value) => el("bdi", { dir: "ltr" }, value === null || value === undefined || value === "" ? "—" : String(value));

function facts(pairs) {
  return el("dl", { class: "facts", id: "event-facts" }, pairs.filter(Boolean).map(([label, value, name]) =>
    el("div", { class: "fact", dataset: { fact: name || "" } }, el("dt", {}, label), el("dd", {}, value))));
}

async function eventView(id) {
  const path = `/api/events/${encodeURIComponent(id)}`;
  setJsonTwin(path);
  const data = await api(path);
  const ev = data.event;
  const view = document.getElementById("view");
  const precision = (value) => t(PRECISION_WORDS[value] || "precisionUnknown");
  view.replaceChildren(
    el("section", { class: "panel", id: "event-detail" },
      el("h2", {}, `${ev.cameo_name[lang]} `, el("span", { class: "code" }, `(${ev.cameo})`), " ", badge(ev.status)),
      el("p", { class: "parties" }, partyLink(ev, "source"), ` ${lang === "ar" ? "←" : "→"} `, partyLink(ev, "target")),
      facts([
        [t("date"), [iso(ev.date || (ev.event_day || "").slice(0, 10)), " (", precision(ev.date_precision), ")"], "date"],
        ev.location_name || ev.location_key ? [t("location"), [ev.location_name || ev.location_key,
          ev.location_precision ? ` (${t(`precision_${ev.location_precision}`)})` : ""], "location"] : null,
        [t("goldsteinScore"), iso(ev.goldstein), "goldstein"],
        [t("sources"), [iso(ev.num_sources), " · ", t("reports"), " ", iso(ev.num_mentions)], "sources"],
        [t("confidence"), iso(ev.confidence === null || ev.confidence === undefined ? null : ev.confidence.toFixed(2)), "confidence"],
        ...casualties(ev).map(([word, count]) => [word, iso(count), "casualties"]),
      ])),
    el("section", { class: "panel" }, el("h2", {}, t("mentions")),
      data.mentions.map((m) => el("div", { class: "mention" },
        el("div", { class: "meta" },
          el("a", { href: `#/article/${m.article_id}`, dir: "auto" }, m.title || m.article_id), " · ",
          m.outlet || "", " · ", `${t("published")} `, iso(m.published),
          m.url ? [" · ", externalLink(m.url, "↗")] : null),
        sentenceWithTrigger(m),
        el("div", { class: "meta mention-facts" },
          `${t("date")}: `, iso(m.date), ` (${precision(m.date_precision)})`,
          m.date_source ? [" · ", `${t("dateSource")}: `, el("span", { class: "date-source" }, t(`dateFrom_${m.date_source}`))] : null,
          m.attribution ? [" · ", `${t("attribution")}: `, el("span", { class: "attribution", dir: "auto" }, m.attribution)] : null,
          m.confidence !== null && m.confidence !== undefined ? [" · ", `${t("confidence")}: `, iso(m.confidence.toFixed(2))] : null,
          casualties(m).map(([word, count]) => [" · ", `${word}: `, iso(count)]))))));
}

// -- what the codes, statuses, confidence and precisions mean -----------------------------------------
const METHOD_TEXT = {
  ar: {
    intro: "كل حدث هنا: من فعل ماذا بمن، ومتى، وأين، وهل وقع فعلًا، مستخرج آليًا من النص العربي مع الجملة التي تشهد له.",
    codes: "الرموز", codesText: "يُرمَّز الفعل بنظام CAMEO: رمز من رقمين إلى أربعة، أوله الفئة الجذرية (01 إلى 20). لكل رمز درجة غولدستاين من −10 (أشد الصراع) إلى +10 (أوثق التعاون)، وتُجمع الجذور في أربع فئات:",
    quad: ["تعاون لفظي: الجذور 01–05 (تصريحات، مناشدات، نوايا، تشاور، تعاون دبلوماسي)", "تعاون مادي: 06–08 (تعاون مادي، مساعدات، تنازلات)",
      "صراع لفظي: 09–13 (تحقيق، مطالب، استنكار، رفض، تهديد)", "صراع مادي: 14–20 (احتجاج، استعراض قوة، تخفيض علاقات، إكراه، هجوم، قتال، عنف جماعي)"],
    roots: "الفئات الجذرية",
    statuses: "حالات الحدث", statusText: {
      occurred: "ذُكر أنه وقع أو بدأ.", ongoing: "جارٍ وقت النشر (محادثات تُعقد، عملية مستمرة).",
      planned: "مقرر أو متوقع (سـ، سوف، من المقرر، من المتوقع، أو تاريخ مقبل).", postponed: "أُجّل.", cancelled: "أُلغي.",
      denied: "نفاه فاعله أو نُفي وقوعه (نفى، لم، لن).", hypothetical: "احتمال أو شرط أو رأي (قد، ربما، لو، يمكن أن)." },
    statusNote: "العدّ في العلاقة الثنائية وصفحة الفاعل والشبكة يشمل ما وقع فعلًا (وقع أو جارٍ) ما لم تختر غير ذلك.",
    confidence: "الثقة", confidenceText: "رقم من 0 إلى 1 يقول كم من القرائن وُجد للحدث: 0.35 للفعل وحده، +0.25 إن عُرف فاعله، +0.20 إن عُرف المفعول به، +0.10 إن كانت الكلمة الدالة فعلًا، +0.05 إن كانت عبارة من أكثر من كلمة (أعلاه 0.95). ليس احتمالًا معايَرًا؛ والحدث المدموج يأخذ أعلى ثقة بين تقاريره.",
    dates: "التواريخ ودقتها", dateText: ["يوم: التاريخ معروف باليوم.", "شهر أو سنة: يُعرف الشهر أو السنة فقط.", "غير معروف: لا يذكر النص تاريخًا ولا يمكن حصره."],
    dateSources: "مصدر التاريخ: نص الحدث (تاريخ في جملة الحدث نفسها)، أو سياق الخبر (فعل مقرر يأخذ التاريخ المقبل المذكور قبله)، أو تاريخ النشر (لا تاريخ في النص: يوم النشر حدّ لما رُوي أنه وقع).",
    places: "الأماكن ودقتها", placeText: ["مكان: مدينة أو بلدة أو موقع، بإحداثياته.", "منطقة: محافظة أو إقليم أو بحر.", "دولة: مركز الدولة حين لا يُعرف إلا البلد."],
    sources: "المصادر والتقارير", sourcesText: "الحدث الواحد قد ترويه عدة مقالات: «التقارير» عدد المقالات التي ذكرته، و«المصادر» عدد المنافذ الإخبارية المختلفة بينها (كما في NumSources في GDELT). فلتر «أدنى عدد مصادر» يُبقي ما روته منافذ عدة.",
  },
  en: {
    intro: "Each event here is who did what to whom, when, where, and whether it really happened, extracted automatically from the Arabic text together with the sentence that shows it.",
    codes: "Codes", codesText: "The act is coded in CAMEO: a code of two to four digits whose first two are its root (01 to 20). Each code has a Goldstein score from −10 (most conflictual) to +10 (most cooperative), and the roots fall into four QuadClasses:",
    quad: ["Verbal cooperation: roots 01–05 (statements, appeals, intentions, consultation, diplomatic cooperation)", "Material cooperation: 06–08 (material cooperation, aid, yielding)",
      "Verbal conflict: 09–13 (investigation, demands, disapproval, rejection, threats)", "Material conflict: 14–20 (protest, force posture, reduced relations, coercion, assault, fighting, mass violence)"],
    roots: "Roots",
    statuses: "Statuses", statusText: {
      occurred: "reported as having happened or begun.", ongoing: "under way when reported (talks being held, an operation continuing).",
      planned: "scheduled or expected (سـ، سوف، من المقرر، من المتوقع, or a future date).", postponed: "put off.", cancelled: "called off.",
      denied: "denied by its doer, or said not to have happened (نفى، لم، لن).", hypothetical: "a possibility, a condition or an opinion (قد، ربما، لو، يمكن أن)." },
    statusNote: "Counts in the dyad view, the actor pages and the network are of what happened (occurred or ongoing) unless you choose otherwise.",
    confidence: "Confidence", confidenceText: "A number from 0 to 1 saying how many clues the event rests on: 0.35 for the act alone, +0.25 when its doer is known, +0.20 when its target is, +0.10 when the trigger is a verb, +0.05 when it is a phrase of several words (at most 0.95). It is not a calibrated probability; a merged event keeps the highest of its reports.",
    dates: "Dates and their precision", dateText: ["day: the date is known to the day.", "month or year: only the month or the year is known.", "unknown: the text gives no date and none can be bounded."],
    dateSources: "Date from: the event's own words (a date in its clause), the story's context (a planned act takes the future date named before it), or the publication date (no date in the text: the day of publication bounds an act reported as done).",
    places: "Places and their precision", placeText: ["place: a city, town or site, with its coordinates.", "region: a province, region or sea.", "country: the state's centroid, where only the country is known."],
    sources: "Sources and reports", sourcesText: "One event may be told by several articles: “reports” counts the articles that mention it, “sources” the distinct outlets among them (as GDELT's NumSources). The “minimum sources” filter keeps what several outlets told.",
  },
};

async function methodologyView() {
  setJsonTwin("/api/cameo");
  const cameo = await api("/api/cameo");
  const m = METHOD_TEXT[lang];
  const roots = cameo.items.filter((c) => c.code.length === 2).sort((a, b) => a.code.localeCompare(b.code));
  document.getElementById("view").replaceChildren(el("article", { class: "panel methodology", id: "methodology" },
    el("h2", {}, t("methodology")), el("p", {}, m.intro),
    el("h3", { id: "meth-codes" }, m.codes), el("p", {}, m.codesText),
    el("ol", { class: "quad" }, m.quad.map((line, i) => el("li", { dataset: { quad: i + 1 } }, el("span", { class: "swatch", style: `background:${QUAD_COLOURS[`quad${i + 1}`]}` }), " ", line))),
    el("h3", { id: "meth-roots" }, m.roots),
    el("div", { class: "table-wrap" }, el("table", { id: "roots-table" },
      el("thead", {}, el("tr", {}, [t("code"), t("event"), t("quadClass"), t("goldsteinScore")].map((h) => el("th", {}, h)))),
      el("tbody", {}, roots.map((c) => el("tr", {}, el("td", { class: "num", dir: "ltr" }, c.code), el("td", {}, c.name[lang]),
        el("td", {}, t(`quad${c.quad_class}`)), el("td", { class: "num", dir: "ltr" }, String(c.goldstein))))))),
    el("h3", { id: "meth-statuses" }, m.statuses),
    el("dl", { id: "status-list" }, STATUSES.map((s) => el("div", { class: "fact", dataset: { status: s } }, el("dt", {}, badge(s)), el("dd", {}, m.statusText[s])))),
    el("p", { class: "muted" }, m.statusNote),
    el("h3", { id: "meth-confidence" }, m.confidence), el("p", {}, m.confidenceText),
    el("h3", { id: "meth-dates" }, m.dates), el("ul", {}, m.dateText.map((line) => el("li", {}, line))), el("p", {}, m.dateSources),
    el("h3", { id: "meth-places" }, m.places), el("ul", {}, m.placeText.map((line) => el("li", {}, line))),
    el("h3", { id: "meth-sources" }, m.sources), el("p", {}, m.sourcesText)));
}

async function articleView(id) {
  const path = `/api/articles/${encodeURIComponent(id)}`;
  setJsonTwin(path);
  const art = await api(path);
  const marks = [
    ...art.events.filter((e) => e.trigger_start !== null).map((e) => ({ start: e.trigger_start, end: e.trigger_end, kind: "trigger", id: e.event_id })),
    ...art.entities.map((e) => ({ start: e.start, end: e.end, kind: "entity", title: `${e.type} ${e.actor || ""}` })),
  ].sort((x, y) => x.start - y.start || (x.kind === "trigger" ? -1 : 1));
  const body = el("div", { class: "article-text", id: "article-text", dir: "auto" });
  let at = 0;
  for (const m of marks) {
    if (m.start < at || m.end > art.text.length) continue; // overlapping or out of range: skip
    body.append(art.text.slice(at, m.start));
    const mark = el("mark", { class: m.kind, title: m.title || null }, art.text.slice(m.start, m.end));
    if (m.kind === "trigger") { mark.addEventListener("click", () => { location.hash = `#/event/${m.id}`; }); }
    body.append(mark);
    at = m.end;
  }
  body.append(art.text.slice(at));
  document.getElementById("view").replaceChildren(
    el("section", { class: "panel" }, el("h2", { dir: "auto" }, art.title || art.id),
      el("p", { class: "muted" }, `${art.outlet || art.source || ""} · ${t("published")} `, iso(art.published),
        art.url ? [" · ", externalLink(art.url, art.url)] : null)),
    body,
    el("section", { class: "panel" }, el("h2", {}, t("events")), eventTable(art.events.map((e) => ({
      ...e, id: e.event_id, source_name: null, target_name: null, source_actor: e.source_actor, target_actor: e.target_actor,
      num_sources: "", event_day: e.date,
    })))));
}

async function networkView(query) {
  const from = query.get("from") || "", to = query.get("to") || "";
  const minEvents = query.get("min_events") || "1";
  const p = new URLSearchParams({ min_events: minEvents });
  if (from) p.set("from", from);
  if (to) p.set("to", to);
  const path = `/api/network?${p}`;
  setJsonTwin(path);
  const form = periodForm("network", from, to, el("label", {}, t("minEvents"), el("input", { name: "min_events", value: minEvents, size: 4 })));
  document.getElementById("view").replaceChildren(form);
  if (!urlFiltersOk(form, { from, to })) return;
  const data = await api(path);
  const box = el("div", { id: "network-chart", class: "chart tall", dataset: { nodes: data.nodes.length } });
  document.getElementById("view").append(el("section", { class: "panel" }, el("h2", {}, t("network")), box));
  const chart = echarts.init(box, null, { renderer: "canvas" });
  charts.push(chart);
  const maxEvents = Math.max(1, ...data.nodes.map((n) => n.events));
  chart.setOption({
    animation: false,
    tooltip: { formatter: (item) => escapeHtml(item.dataType === "node" ? `${item.name} (${item.data.id}): ${item.value}` : "") },
    series: [{
      type: "graph", layout: "force", roam: true, draggable: true, force: { repulsion: 260, edgeLength: 140, layoutAnimation: false },
      edgeSymbol: ["none", "arrow"], label: { show: true, position: "bottom", color: "#1d2330", fontSize: 13 },
      data: data.nodes.map((n) => ({ id: n.key, name: `${lang === "ar" ? n.name_ar : n.name_en}`, value: n.events,
        symbolSize: 14 + 36 * Math.sqrt(n.events / maxEvents) })),
      links: data.edges.map((e) => ({ source: e.source_key, target: e.target_key, value: e.events,
        lineStyle: { color: goldsteinColour(e.goldstein_mean), width: 1 + Math.log2(1 + e.events), curveness: 0.15 },
        tooltip: { formatter: () => escapeHtml(`${e.source_key} → ${e.target_key}: ${e.events} · Goldstein ${e.goldstein_mean}`) } })),
    }],
  });
  chart.on("click", (item) => {
    if (item.dataType === "edge") location.hash = `#/dyad?a=${item.data.source}&b=${item.data.target}&from=${from}&to=${to}`;
    else if (item.dataType === "node") {
      const period = new URLSearchParams(Object.entries({ from, to }).filter(([, v]) => v)).toString();
      location.hash = `#/actor/${encodeURIComponent(item.data.id)}${period ? `?${period}` : ""}`;
    }
  });
  box.networkChart = chart;
}

function periodForm(viewName, from, to, ...extra) {
  const form = el("form", { class: "filters", id: "period-form" },
    el("label", {}, t("from"), el("input", { name: "from", id: "filter-from", value: from, placeholder: "2024-01", size: 10 })),
    el("label", {}, t("to"), el("input", { name: "to", id: "filter-to", value: to, placeholder: "2024-12", size: 10 })),
    ...extra, el("button", { type: "submit" }, t("show")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (showFieldErrors(form, filterErrors(formValues(form)))) return;
    const data = new URLSearchParams(new FormData(form));
    for (const [k, v] of [...data]) if (!v) data.delete(k);
    location.hash = `#/${viewName}?${data}`;
  });
  return form;
}

// The URL's own filters checked before the API is asked: false (and the errors shown) when one is bad.
function urlFiltersOk(form, values) {
  if (!showFieldErrors(form, filterErrors(values))) return true;
  form.after(el("p", { class: "muted", id: "fix-filters" }, t("fixFilters")));
  return false;
}

let worldRegistered = false;
async function mapView(query) {
  const from = query.get("from") || "", to = query.get("to") || "";
  const p = new URLSearchParams();
  if (from) p.set("from", from);
  if (to) p.set("to", to);
  const path = `/api/locations?${p}`;
  setJsonTwin(path);
  const form = periodForm("map", from, to);
  document.getElementById("view").replaceChildren(form);
  if (!urlFiltersOk(form, { from, to })) return;
  const data = await api(path);
  const box = el("div", { id: "map-chart", class: "chart tall", dataset: { places: data.items.length } });
  const popup = el("div", { id: "map-popup", class: "map-popup", hidden: true });
  document.getElementById("view").append(el("section", { class: "panel map-panel" }, el("h2", {}, t("map")), box, popup));
  await drawMap(box, popup, data.items);
}

// -- the events view: one set of filters (kept in the URL) over the table, the timeline and the map ----
const SORTABLE = { date: ["-date", "date"], goldstein: ["-goldstein", "goldstein"], sources: ["-mentions", "-mentions"] };

function filterParams(query) {
  const out = new URLSearchParams();
  for (const name of EVENT_FILTERS) if (query.get(name)) out.set(name, query.get(name));
  if (!out.has("status")) out.set("status", "all");
  return out;
}

function placeCell(row) {
  if (!row.location_name && !row.location_key) return "—";
  const precision = row.location_precision ? ` (${t(`precision_${row.location_precision}`)})` : "";
  return `${row.location_name || row.location_key}${precision}`;
}

// The table's cells as text: what the page shows and what the CSV holds are the same strings.
function eventCells(row) {
  return [row.date || row.event_day || "—", `${(row.cameo_name || {})[lang] || row.cameo} (${row.cameo})`,
    `${party(row, "source")} ${lang === "ar" ? "←" : "→"} ${party(row, "target")}`, placeCell(row), t(row.status),
    String(row.num_sources), String(row.goldstein)];
}
const EVENT_COLUMNS = ["date", "code", "parties", "location", "status", "sources", "goldstein"];

function csvText(rows) {
  const quote = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [EVENT_COLUMNS.map(t), ...rows].map((r) => r.map((v) => quote(String(v))).join(",")).join("\r\n") + "\r\n";
}

async function eventsView(query) {
  const view = document.getElementById("view");
  const filters = filterParams(query);
  const sort = query.get("sort") || "-date";
  const by = query.get("by") || "month";
  const offset = Number(query.get("offset") || 0);
  const [actors, cameo] = await Promise.all([api("/api/actors?limit=500"), api("/api/cameo")]);
  const chosen = new Set(filters.get("status") === "all" ? [] : filters.get("status").split(","));
  const roots = cameo.items.filter((c) => c.code.length === 2);
  const select = (name, options, value) => el("select", { name, id: `filter-${name}` },
    el("option", { value: "" }, t("any")),
    options.map(([v, label]) => el("option", { value: v, selected: String(v) === (value || "") }, label)));
  const form = el("form", { class: "filters", id: "filters" },
    el("fieldset", { class: "statuses" }, el("legend", {}, t("status")),
      STATUSES.map((s) => el("label", { class: "check" },
        el("input", { type: "checkbox", name: "status", value: s, checked: chosen.has(s) }), " ", t(s)))),
    el("label", {}, t("actor"), select("actor", actors.items.map((x) => [x.key, `${lang === "ar" ? x.name_ar : x.name_en} (${x.key})`]), filters.get("actor"))),
    el("label", {}, t("root"), select("root", roots.map((c) => [c.code, `${c.code} ${c.name[lang]}`]), filters.get("root"))),
    el("label", {}, t("quadClass"), select("quad_class", [1, 2, 3, 4].map((q) => [q, t(`quad${q}`)]), filters.get("quad_class"))),
    el("label", {}, t("place"), el("input", { name: "place", id: "filter-place", value: filters.get("place") || "", size: 12, list: "place-names" })),
    el("label", {}, t("minSources"), el("input", { name: "min_sources", id: "filter-min_sources", value: filters.get("min_sources") || "", size: 4, inputmode: "numeric", dir: "ltr" })),
    el("label", {}, t("from"), el("input", { name: "from", id: "filter-from", value: filters.get("from") || "", placeholder: "2024-01", size: 10 })),
    el("label", {}, t("to"), el("input", { name: "to", id: "filter-to", value: filters.get("to") || "", placeholder: "2024-12", size: 10 })),
    el("label", {}, t("by"), el("select", { name: "by" }, ["day", "week", "month", "year"].map((p) => el("option", { value: p, selected: p === by }, t(p))))),
    el("button", { type: "submit", id: "filters-apply" }, t("show")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (showFieldErrors(form, filterErrors(formValues(form)))) return;  // the table, chart and map stay
    const data = new FormData(form);
    const out = new URLSearchParams();
    const statuses = data.getAll("status");
    if (statuses.length) out.set("status", statuses.join(","));
    for (const name of ["actor", "root", "quad_class", "place", "min_sources", "from", "to", "by"]) if (data.get(name)) out.set(name, data.get(name));
    if (sort !== "-date") out.set("sort", sort);
    location.hash = `#/events?${out}`;
  });
  view.replaceChildren(form);
  if (!urlFiltersOk(form, Object.fromEntries(filters))) return;
  if (filters.get("actor")) {
    form.after(el("p", { id: "actor-page-link" }, el("a", { href: `#/actor/${encodeURIComponent(filters.get("actor"))}` }, `${t("actor")}: `, filters.get("actor"))));
  }
  const eventsPath = `/api/events?${filters}&sort=${sort}&limit=${PAGE}&offset=${offset}`;
  const timelinePath = `/api/timeline?${filters}&by=${by}`;
  const placesPath = `/api/locations?${filters}`;
  setJsonTwin(eventsPath);
  const [events, timeline, places] = await Promise.all([api(eventsPath), api(timelinePath), api(placesPath)]);
  form.append(el("datalist", { id: "place-names" }, places.items.filter((p) => p.name).map((p) => el("option", { value: p.name }))));

  // the table
  const here = (changes) => {
    const out = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) { if (v === null) out.delete(k); else out.set(k, v); }
    return `#/events?${out}`;
  };
  const rows = events.items.map(eventCells);
  const header = EVENT_COLUMNS.map((key) => {
    if (!SORTABLE[key]) return el("th", {}, t(key));
    const [first, second] = SORTABLE[key];
    const next = sort === first ? second : first;
    const mark = sort === first ? " ▼" : sort === second && first !== second ? " ▲" : "";
    return el("th", { "aria-sort": sort === first ? "descending" : sort === second ? "ascending" : null },
      el("a", { href: here({ sort: next, offset: null }), class: "sort", dataset: { sort: key } }, t(key), mark));
  });
  const table = events.items.length ? el("div", { class: "table-wrap" }, el("table", { id: "event-table", class: "events" },
    el("thead", {}, el("tr", {}, header)),
    el("tbody", {}, events.items.map((row, i) => el("tr", {
      class: "clickable", dataset: { eventId: row.id }, tabindex: 0,
      onclick: () => { location.hash = `#/event/${row.id}`; },
    }, rows[i].map((cell, j) => (j === 4 ? el("td", {}, badge(row.status)) : el("td", { dir: j === 0 || j >= 5 ? "ltr" : null, class: j === 0 || j >= 5 ? "num" : null }, cell))))))))
    : el("p", { class: "muted", id: "event-table-empty" }, t("none"));
  const download = el("button", { type: "button", id: "csv-download" }, t("csv"));
  download.addEventListener("click", () => {
    const blob = new Blob(["\uFEFF" + csvText(rows)], { type: "text/csv;charset=utf-8" });
    const link = el("a", { href: URL.createObjectURL(blob), download: "hadath-events.csv" });
    document.body.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  });
  const pager = el("div", { class: "pager" },
    el("span", { id: "events-total" }, `${t("total")}: `, el("bdi", {}, String(events.total))),
    offset > 0 ? el("a", { href: here({ offset: Math.max(0, offset - PAGE) }) }, t("prev")) : null,
    offset + PAGE < events.total ? el("a", { href: here({ offset: offset + PAGE }), id: "next-page" }, t("next")) : null);

  // the timeline: a true time axis, integer counts, empty periods kept
  const chartBox = timelineBox("events-timeline", timeline.series);
  const mapBox = el("div", { id: "events-map", class: "chart tall", dataset: { markers: places.items.length,
    events: places.items.reduce((n, p) => n + p.events, 0) } });
  const popup = el("div", { id: "map-popup", class: "map-popup", hidden: true });
  view.append(
    el("section", { class: "panel" }, el("h2", {}, t("events"), " ", download), table, pager),
    el("section", { class: "panel" }, el("h2", {}, t("eventsOver")), chartBox),
    el("section", { class: "panel map-panel" }, el("h2", {}, t("map")), mapBox, popup));
  drawTimeline(chartBox, timeline.series);
  await drawMap(mapBox, popup, places.items);
}

// Events per period on a true time axis (a period's bar at its first day; periods with no events are
// in the series as zeros, so gaps show as gaps) with whole-number counts, stacked by QuadClass.
function timelineBox(id, series) {
  return el("div", { id, class: "chart", dataset: { points: series.length, total: series.reduce((n, p) => n + p.events, 0),
    empty: series.filter((p) => p.events === 0).length } });
}

function drawTimeline(box, series) {
  const chart = echarts.init(box, null, { renderer: "canvas" });
  charts.push(chart);
  chart.setOption({
    animation: false, tooltip: { trigger: "axis" }, legend: { top: 0 },
    grid: { left: 40, right: 40, top: 50, bottom: 30, containLabel: true },
    xAxis: { type: "time", inverse: lang === "ar" },
    yAxis: { type: "value", minInterval: 1, name: t("events"), position: lang === "ar" ? "right" : "left" },
    series: ["quad1", "quad2", "quad3", "quad4"].map((q) => ({
      name: t(q), type: "bar", stack: "quad", itemStyle: { color: QUAD_COLOURS[q] }, barMaxWidth: 24,
      data: series.map((p) => [p.start, p[q]]),
    })),
  });
  box.timelineChart = chart;
  return chart;
}

// -- an actor's (or a country's) page: its timeline, its partners, its events ----------------------
async function actorView(key, query) {
  const from = query.get("from") || "", to = query.get("to") || "";
  const status = query.get("status") || "actual", by = query.get("by") || "month";
  const view = document.getElementById("view");
  const form = periodForm(`actor/${encodeURIComponent(key)}`, from, to,
    el("label", {}, t("status"), el("select", { name: "status" }, ["actual", "all", ...STATUSES].map((p) => el("option", { value: p, selected: p === status }, t(p))))),
    el("label", {}, t("by"), el("select", { name: "by" }, ["week", "month", "year"].map((p) => el("option", { value: p, selected: p === by }, t(p))))));
  view.replaceChildren(form);
  if (!urlFiltersOk(form, { from, to })) return;
  const p = new URLSearchParams({ status });
  if (from) p.set("from", from);
  if (to) p.set("to", to);
  const path = `/api/actors/${encodeURIComponent(key)}?${p}`;
  setJsonTwin(path);
  const [actor, timeline, events] = await Promise.all([api(path), api(`/api/timeline?actor=${encodeURIComponent(key)}&${p}&by=${by}`),
    api(`/api/events?actor=${encodeURIComponent(key)}&${p}&limit=${PAGE}`)]);
  const name = lang === "ar" ? actor.name_ar : actor.name_en;
  const chartBox = timelineBox("actor-timeline", timeline.series);
  const num = (value) => el("td", { class: "num", dir: "ltr" }, value === null || value === undefined ? "—" : String(value));
  const partners = actor.partners.length ? el("div", { class: "table-wrap" }, el("table", { id: "partners-table", class: "partners" },
    el("thead", {}, el("tr", {}, [t("counterpart"), t("events"), t("asSource"), t("asTarget"), t("quad1"), t("quad2"), t("quad3"), t("quad4"), t("goldstein")].map((h) => el("th", {}, h)))),
    el("tbody", {}, actor.partners.map((row) => el("tr", { dataset: { key: row.counterpart } },
      el("td", {}, row.counterpart === "-" ? "—" : [
        el("a", { href: `#/actor/${encodeURIComponent(row.counterpart)}`, class: "partner" }, `${(lang === "ar" ? row.name_ar : row.name_en) || row.counterpart} (${row.counterpart})`),
        " · ", el("a", { href: `#/dyad?${new URLSearchParams({ a: key, b: row.counterpart, ...(from ? { from } : {}), ...(to ? { to } : {}) })}`, class: "dyad-link" }, t("dyadLink"))]),
      num(row.events), num(row.as_source), num(row.as_target), num(row.quad1), num(row.quad2), num(row.quad3), num(row.quad4), num(row.goldstein_mean))))))
    : el("p", { class: "muted" }, t("none"));
  const all = new URLSearchParams({ actor: key, status: status === "actual" ? "occurred,ongoing" : status });
  if (from) all.set("from", from);
  if (to) all.set("to", to);
  view.append(
    el("section", { class: "panel", id: "actor-head" }, el("h2", {}, name, " ", el("span", { class: "code" }, `(${actor.key})`)),
      el("p", { class: "muted" }, `${t("events")}: `, el("bdi", { id: "actor-total" }, String(actor.events)), " · ", t(status))),
    el("section", { class: "panel" }, el("h2", {}, t("eventsOver")), chartBox),
    el("section", { class: "panel" }, el("h2", {}, t("partners")), partners),
    el("section", { class: "panel" }, el("h2", {}, t("actorEvents"), " ", el("bdi", {}, `(${events.total})`)), eventTable(events.items),
      el("p", {}, el("a", { href: `#/events?${all}`, id: "actor-all-events" }, t("allEvents")))));
  drawTimeline(chartBox, timeline.series);
}

async function worldMap() {
  if (!worldRegistered) {
    const world = await fetch("/static/vendor/countries-110m.json").then((r) => r.json());
    echarts.registerMap("world", topojson.feature(world, world.objects.countries));
    worldRegistered = true;
  }
}

// Events at their locations, clustered: places whose markers would lie within CLUSTER_PX of each other
// on screen are drawn as one marker (labelled with its number of events, sized by it, coloured by the
// mean Goldstein score of its events); zooming in splits clusters again. A click opens a popup listing
// the events of the marker's places, each a link to its page.
const CLUSTER_PX = 30;

function clusterPlaces(chart, items) {
  const points = items.map((x, i) => ({ i, at: chart.convertToPixel({ geoIndex: 0 }, [x.lon, x.lat]) }));
  const order = points.sort((a, b) => items[b.i].events - items[a.i].events || a.i - b.i);  // busiest first: seeds
  const taken = new Set();
  const clusters = [];
  for (const seed of order) {
    if (taken.has(seed.i)) continue;
    // A point the map cannot place on screen (it is being redrawn) stays a cluster of its own.
    const near = (p) => p === seed || (p.at && seed.at && Math.hypot(p.at[0] - seed.at[0], p.at[1] - seed.at[1]) <= CLUSTER_PX);
    const members = order.filter((p) => !taken.has(p.i) && near(p));
    for (const m of members) taken.add(m.i);
    const places = members.map((m) => items[m.i]);
    const scored = places.filter((p) => p.goldstein_mean !== null && p.goldstein_mean !== undefined);
    const weight = scored.reduce((n, p) => n + p.events, 0);
    clusters.push({ places, lon: items[seed.i].lon, lat: items[seed.i].lat, events: places.reduce((n, p) => n + p.events, 0),
      goldstein: weight ? scored.reduce((n, p) => n + p.goldstein_mean * p.events, 0) / weight : null });
  }
  return clusters;
}

async function drawMap(box, popup, items) {
  await worldMap();
  if (!cameoNames) {
    cameoNames = Object.fromEntries((await api("/api/cameo")).items.map((c) => [c.code, c.name]));
  }
  if (!box.isConnected) return;  // the view was left while the world's borders loaded
  const chart = echarts.init(box, null, { renderer: "canvas" });
  charts.push(chart);
  const lons = items.map((x) => x.lon), lats = items.map((x) => x.lat);
  const center = items.length ? [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2] : [40, 28];
  chart.setOption({
    animation: false,
    // No hover tooltip: a click opens the popup, which says more; a tooltip tied to a marker that the
    // clustering replaces under the pointer made ECharts fail now and then.
    tooltip: { show: false },
    geo: { map: "world", roam: true, center, zoom: items.length > 1 ? 3 : 4, itemStyle: { areaColor: "#eef1f4", borderColor: "#b0b8c4" } },
    series: [{ type: "scatter", coordinateSystem: "geo", data: [],
      label: { show: true, color: "#fff", fontSize: 11, fontWeight: "bold", formatter: (item) => (item.data.places > 1 ? String(item.data.value[2]) : "") } }],
  });
  let clusters = [];
  const redraw = () => {
    if (chart.isDisposed()) return;  // the view changed before a zoom's redraw came due
    clusters = clusterPlaces(chart, items);
    const maxEvents = Math.max(1, ...clusters.map((c) => c.events));
    // No marker stays highlighted or tipped while the markers are replaced under the pointer.
    chart.dispatchAction({ type: "hideTip" });
    chart.dispatchAction({ type: "downplay", seriesIndex: 0 });
    chart.setOption({ series: [{
      data: clusters.map((c, i) => ({
        name: c.places.length > 1 ? t("places")(c.places.length) : c.places[0].name || c.places[0].key || "",
        value: [c.lon, c.lat, c.events], index: i, places: c.places.length,
        itemStyle: { color: goldsteinColour(c.goldstein), borderColor: "#1d2330", borderWidth: c.places.length > 1 ? 2 : 1 },
      })),
      symbolSize: (v) => 10 + 24 * Math.sqrt(v[2] / maxEvents),
    }] });
    box.dataset.clusters = String(clusters.length);
    box.mapClusters = clusters;
  };
  redraw();
  chart.on("georoam", () => { clearTimeout(box.roamTimer); box.roamTimer = setTimeout(redraw, 80); });
  chart.on("click", (item) => {
    if (item.seriesType !== "scatter") return;
    const cluster = clusters[item.data.index];
    if (cluster.places.length === 1) { showPlace(popup, cluster.places[0]); return; }
    const zoom = () => {
      // The map's own zoom action (as the mouse wheel), about the cluster: no new option mid-gesture.
      popup.hidden = true;
      const [x, y] = chart.convertToPixel({ geoIndex: 0 }, [cluster.lon, cluster.lat]);
      chart.dispatchAction({ type: "geoRoam", componentType: "geo", geoIndex: 0, zoom: 2.5, originX: x, originY: y });
      // The markers are re-clustered by the georoam handler below, once the map has settled.
    };
    popup.replaceChildren(el("div", { class: "popup-body", dataset: { places: cluster.places.length } },
      el("button", { type: "button", class: "close", "aria-label": "×", onclick: () => { popup.hidden = true; } }, "×"),
      el("strong", {}, t("places")(cluster.places.length)), " ", el("span", { class: "muted" }, el("bdi", {}, String(cluster.events))), " ",
      el("button", { type: "button", id: "map-zoom", onclick: zoom }, t("zoomIn")),
      cluster.places.map((place) => el("div", { class: "popup-place" }, placeEvents(place)))));
    popup.hidden = false;
  });
  box.mapChart = chart;
}

let cameoNames = null;
function cameoName(code) {
  const names = cameoNames && cameoNames[code];
  return names ? `${names[lang]} (${code})` : code;
}

function showPlace(popup, place) {
  popup.replaceChildren(el("div", { class: "popup-body" },
    el("button", { type: "button", class: "close", "aria-label": "×", onclick: () => { popup.hidden = true; } }, "×"),
    placeEvents(place)));
  popup.hidden = false;
}

// A place's name, precision and count, its newest events (links to their pages) and a link to all.
function placeEvents(place) {
  const more = place.events - place.event_ids.length;
  return [
    el("strong", {}, place.name || place.key || ""), " ",
    el("span", { class: "muted" }, place.precision ? `(${t(`precision_${place.precision}`)}) ` : "", el("bdi", {}, String(place.events))),
    el("ul", {}, (place.recent || []).map((e) => el("li", {},
      el("a", { href: `#/event/${e.id}`, class: "popup-event" }, el("bdi", {}, (e.day || "").slice(0, 10)), " ", cameoName(e.cameo)),
      " ", badge(e.status)))),
    more > 0 ? el("p", { class: "muted" }, t("moreEvents")(more)) : null,
    place.name ? el("a", { href: `#/events?${new URLSearchParams({ place: place.name, status: "all" })}` }, t("place"), ": ", place.name) : null];
}

async function searchView(query) {
  const q = query.get("q") || "";
  const input = el("input", { name: "q", value: q, placeholder: t("searchPlaceholder"), size: 40, id: "search-input" });
  const form = el("form", { class: "filters" }, input, el("button", { type: "submit" }, t("show")));
  form.addEventListener("submit", (e) => { e.preventDefault(); location.hash = `#/search?${new URLSearchParams({ q: input.value })}`; });
  const view = document.getElementById("view");
  view.replaceChildren(form);
  if (!q.trim()) return;
  const path = `/api/search?${new URLSearchParams({ q })}`;
  setJsonTwin(path);
  const data = await api(path);
  view.append(
    el("section", { class: "panel" }, el("h2", {}, t("articles")),
      data.articles.length ? el("ul", { id: "search-articles" }, data.articles.map((a) => el("li", {},
        el("a", { href: `#/article/${a.id}` }, a.title || a.id), el("span", { class: "muted" }, ` · ${a.outlet || ""} · `, iso(a.published)))))
        : el("p", { class: "muted" }, t("none"))),
    el("section", { class: "panel" }, el("h2", {}, `${t("events")} `, iso(`(${data.events.total})`)), eventTable(data.events.items)));
}

// The alerts the rules raised (GET /api/alerts) and the rules (GET /api/alerts/rules).
async function alertsView(query) {
  const offset = Number(query.get("offset") || 0);
  const rule = query.get("rule") || "";
  const listPath = `/api/alerts?${new URLSearchParams({ limit: PAGE, offset, ...(rule ? { rule } : {}) })}`;
  setJsonTwin(listPath);
  const [alerts, rules] = await Promise.all([api(listPath), api("/api/alerts/rules")]);
  const conditions = (r) => Object.entries(r)
    .filter(([k, v]) => !["name", "webhook", "directed"].includes(k) && v !== null && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(r.directed && k === "dyad" ? " → " : "، ") : v}`).join(" · ");
  const delivery = { delivered: "delivered", pending: "pending", retrying: "retrying", none: "nowebhook" };
  const rows = alerts.items.map((a) => el("tr", { dataset: { alertId: a.id, eventId: a.event_id } },
    el("td", {}, el("bdi", {}, String(a.matched_at).slice(0, 16).replace("T", " "))),
    el("td", {}, el("a", { href: `#/alerts?${new URLSearchParams({ rule: a.rule })}` }, a.rule)),
    a.event_present
      ? el("td", {}, el("a", { href: `#/event/${a.event_id}` }, cameoName(a.cameo)), " · ",
        `${party(a, "source")} ← ${party(a, "target")}`.replace("←", lang === "ar" ? "←" : "→"), " · ", badge(a.status),
        " · ", a.date || "—")
      : el("td", { class: "muted" }, `#${a.event_id} (${t("gone")})`),
    el("td", {}, a.event_present ? String(a.goldstein) : "—"),
    el("td", {}, a.event_present ? String(a.num_sources) : "—"),
    el("td", { class: `delivery delivery-${a.delivery}`, title: a.last_error || "" }, t(delivery[a.delivery]),
      a.last_error ? el("div", { class: "muted" }, `${t("lastError")}: ${a.last_error}`) : null)));
  const pager = el("p", { class: "pager" },
    offset > 0 ? el("a", { href: `#/alerts?${withParam(query, "offset", Math.max(0, offset - PAGE), {})}` }, t("prev")) : null,
    offset + PAGE < alerts.total ? el("a", { href: `#/alerts?${withParam(query, "offset", offset + PAGE, {})}` }, t("next")) : null);
  document.getElementById("view").replaceChildren(
    el("section", { class: "panel" }, el("h2", {}, `${t("alerts")} (${alerts.total})`),
      alerts.items.length
        ? el("table", { id: "alert-table" },
          el("thead", {}, el("tr", {}, ["matched", "rule", "event", "score", "sources", "delivery"].map((k) => el("th", {}, t(k))))),
          el("tbody", {}, rows))
        : el("p", { class: "muted" }, t("none")),
      pager),
    el("section", { class: "panel" }, el("h2", {}, t("rules")),
      rules.items.length
        ? el("ul", { id: "alert-rules" }, rules.items.map((r) => el("li", {},
          el("a", { href: `#/alerts?${new URLSearchParams({ rule: r.name })}` }, r.name), " — ", conditions(r),
          r.webhook ? ` · ${t("webhook")}` : ` · ${t("nowebhook")}`)))
        : el("p", { class: "muted" }, t("none"))));
}

async function sourcesView() {
  const path = "/api/sources";
  setJsonTwin(path);
  const data = await api(path);
  const view = document.getElementById("view");
  const head = ["outlet", "lastSuccess", "feedsFailing", "articlesToday", "eventsToday", "errorsToday", "lastError"];
  const rows = data.items.map((r) => el("tr", { class: r.feeds_failing ? "failing" : "" },
    el("td", { dir: "auto" }, r.outlet),
    el("td", {}, el("bdi", {}, r.last_success ? r.last_success.replace("T", " ").replace("Z", "") : t("never"))),
    el("td", {}, el("bdi", {}, `${r.feeds_failing}/${r.feeds}`)),
    el("td", {}, String(r.articles_today)), el("td", {}, String(r.events_today)), el("td", {}, String(r.errors_today)),
    el("td", { dir: "ltr", class: "muted" }, (r.last_error || "").slice(0, 160))));
  view.replaceChildren(el("section", { class: "panel" },
    el("h2", {}, `${t("sourcesTitle")} · `, el("bdi", {}, data.day)),
    data.items.length
      ? el("table", { id: "sources-table" }, el("thead", {}, el("tr", {}, head.map((k) => el("th", {}, t(k))))), el("tbody", {}, rows))
      : el("p", { class: "muted" }, t("noSources"))));
}

// -- routing and language ---------------------------------------------------------------------------
async function route() {
  const serial = ++routeSerial;
  disposeCharts();
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, queryString] = hash.split("?");
  const [name, id] = path.split("/");
  const query = params(queryString);
  for (const link of document.querySelectorAll("nav a")) link.classList.toggle("active", link.dataset.view === (name || "events"));
  const view = document.getElementById("view");
  delete view.dataset.ready;  // set again when this view is drawn: a test waits for the new one
  view.replaceChildren(el("p", { class: "muted" }, t("loading")));
  try {
    if (name === "event" && id) await eventView(id);
    else if (name === "actor" && id) await actorView(decodeURIComponent(id), query);
    else if (name === "methodology") await methodologyView();
    else if (name === "article" && id) await articleView(id);
    else if (name === "network") await networkView(query);
    else if (name === "map") await mapView(query);
    else if (name === "search") await searchView(query);
    else if (name === "sources") await sourcesView();
    else if (name === "dyad") await dyadView(query);
    else if (name === "alerts") await alertsView(query);
    else await eventsView(query);
    if (serial !== routeSerial) return;
    view.dataset.ready = name === "dyad" ? "dyad" : name && name !== "events" ? name : "events";
  } catch (err) {
    if (err.stale || serial !== routeSerial) return;  // another view has taken over
    // The view is kept (its form and what it drew): the error is shown under it, in the page's
    // language where it is one the page knows (an unknown actor, with the nearest known ones).
    const near = (err.body && err.body.suggestions) || null;
    const message = near ? [t("unknownActor")(id || query.get("actor") || query.get("a") || "", near), " ",
      near.map((code, i) => [i ? ", " : "", el("a", { href: name === "actor" ? `#/actor/${code}` : `#/events?actor=${code}`, class: "suggestion" }, code)])]
      : err.message;
    const box = el("p", { class: "error", id: "view-error", role: "alert" }, message);
    if (view.querySelector("form")) view.append(box); else view.replaceChildren(box);
    view.dataset.ready = "error";
  }
}

function applyLanguage() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  document.getElementById("lang-switch").textContent = t("switch");
  document.title = lang === "ar" ? "حدث — لوحة الأحداث" : "Hadath — event dashboard";
}

async function showStats() {
  try {
    const stats = await api("/api/stats");
    document.getElementById("store-stats").textContent = t("stats")(stats);
  } catch (err) {
    document.getElementById("store-stats").textContent = err.message;
  }
}

window.addEventListener("DOMContentLoaded", () => {
  const tokenMatch = location.hash.match(/^#token=(.+)$/);
  if (tokenMatch) { sessionStorage.setItem("hadath-token", decodeURIComponent(tokenMatch[1])); location.hash = "#/dyad"; }
  document.getElementById("lang-switch").addEventListener("click", () => {
    lang = lang === "ar" ? "en" : "ar";
    localStorage.setItem("hadath-lang", lang);
    applyLanguage();
    showStats();
    route();
  });
  window.addEventListener("hashchange", route);
  // Only the charts on the page, once the window has settled (a resize of a chart whose box has left
  // the page, or mid-layout, made ECharts fail).
  let resizing = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => charts.forEach((c) => { if (!c.isDisposed() && c.getDom().isConnected) c.resize(); }), 100);
  });
  applyLanguage();
  showStats();
  route();
});
