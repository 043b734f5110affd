"use strict";
(() => {
  const token = document.querySelector('meta[name="tarjuman-token"]').content;
  const app = document.getElementById("app");
  // Without accounts the translator types a name; in team mode the logged-in account is credited.
  const who = document.getElementById("translator");
  if (who) {
    who.value = localStorage.getItem("tarjuman.translator") || "";
    who.addEventListener("change", () => localStorage.setItem("tarjuman.translator", who.value.trim()));
  }
  const account = document.querySelector(".who[data-account]");
  const me = { team: document.body.dataset.mode === "team", name: account ? account.dataset.account : null,
    role: account ? account.dataset.role : null };
  const logout = document.getElementById("logout");
  if (logout) {
    logout.addEventListener("click", async () => {
      try { await api("POST", "/api/logout"); } catch (_) { /* the session may have ended already */ }
      location.href = "/login";
    });
  }

  // Builds an element; text is always added as text nodes, never parsed as HTML.
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  async function api(method, path, body, raw) {
    const headers = {};
    if (method !== "GET") headers["X-Tarjuman-Token"] = token;
    let payload;
    if (raw !== undefined) {
      payload = raw;
      headers["Content-Type"] = "text/plain; charset=utf-8";
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers["Content-Type"] = "application/json";
    }
    const response = await fetch(path, { method, headers, body: payload, credentials: "same-origin" });
    let data = null;
    try { data = await response.json(); } catch (_) { data = null; }
    if (response.status === 401 && me.team && path !== "/api/login") {
      location.href = `/login?next=${encodeURIComponent(location.pathname + location.hash)}`;
    }
    if (!response.ok) {
      const error = new Error((data && data.error) || response.statusText);
      error.status = response.status;
      error.data = data;
      throw error;
    }
    return data;
  }

  const { splitMixed, keyAction, list, percent, tagTexts, placeTag, tagToDelete, may, nextPath } = TarjumanHelpers;

  // English text with Arabic runs isolated, so quotes and brackets around them stay in place.
  function mixed(text) {
    return splitMixed(text).map((piece) => piece.arabic ? el("bdi", { lang: "ar", dir: "rtl" }, piece.text) : piece.text);
  }

  function progress(doc) {
    const rendered = el("span", { class: "rendered" });
    const approved = el("span", { class: "approved" });
    rendered.style.width = `${percent(doc.rendered, doc.units)}%`;
    approved.style.width = `${percent(doc.approved, doc.units)}%`;
    const review = `${doc.translated ? ` · ${doc.translated} to review` : ""}${doc.rejected ? ` · ${doc.rejected} rejected` : ""}`;
    return el("span", { class: "progress", title: `${doc.rendered} of ${doc.units} rendered, ${doc.approved} approved` },
      el("span", { class: "bar" }, rendered, approved),
      ` ${doc.units} unit${doc.units === 1 ? "" : "s"} · ${doc.rendered} rendered${review} · ${doc.approved} approved`);
  }

  function failure(error) {
    return el("p", { class: "error", role: "alert" }, mixed(error.message));
  }

  // Log in ------------------------------------------------------------------

  function loginPage() {
    const name = el("input", { id: "login-name", name: "name", autocomplete: "username", required: true, autofocus: true });
    const password = el("input", { id: "login-password", name: "password", type: "password", autocomplete: "current-password", required: true });
    const message = el("p", { class: "message", role: "alert" });
    const form = el("form", { class: "login", onsubmit: async (event) => {
      event.preventDefault();
      message.textContent = "";
      try {
        await api("POST", "/api/login", { name: name.value.trim(), password: password.value });
        location.href = nextPath(new URLSearchParams(location.search).get("next"));
      } catch (error) {
        password.value = "";
        message.replaceChildren(...mixed(error.message));
      }
    } },
    el("label", {}, "Name ", name), el("label", {}, "Password ", password),
    el("button", { type: "submit", id: "login-submit" }, "Log in"), message);
    app.replaceChildren(el("h1", {}, "Log in to Tarjuman"), form);
    name.focus();
  }

  // Documents ---------------------------------------------------------------

  async function documentsPage() {
    const [docs, accounts] = await Promise.all([api("GET", "/api/documents"), me.team ? api("GET", "/api/accounts") : []]);
    const message = el("p", { class: "message", role: "status" });
    const file = el("input", { type: "file", id: "upload-file", accept: ".txt,text/plain" });
    const form = el("form", { class: "upload", onsubmit: async (event) => {
      event.preventDefault();
      const chosen = file.files[0];
      if (!chosen) { message.textContent = "Choose an Arabic text file first."; return; }
      try {
        const outcome = (await api("POST", `/api/documents?name=${encodeURIComponent(chosen.name)}`, undefined, chosen))[0];
        sessionStorage.setItem("tarjuman.message", outcome.alreadyPresent
          ? `${outcome.name} was already imported as document ${outcome.document}.`
          : `${outcome.name}: ${outcome.unitCount} units imported as document ${outcome.document}.`);
        documentsPage();
      } catch (error) { message.replaceChildren(...mixed(error.message)); }
    } }, el("label", {}, "Import an Arabic text ", file), " ", el("button", { type: "submit" }, "Import"));
    message.replaceChildren(...mixed(sessionStorage.getItem("tarjuman.message") || ""));
    sessionStorage.removeItem("tarjuman.message");
    const rows = docs.map((doc) => el("tr", { "data-document": doc.id, "data-assignee": doc.assignee || "" },
      el("td", {}, el("a", { href: `/documents/${doc.id}`, class: "document-link" }, doc.name)),
      el("td", { class: "count" }, doc.units),
      el("td", {}, progress(doc)),
      me.team ? el("td", { class: "assignee" }, assigneeCell(doc, accounts)) : null,
      el("td", {}, new Date(doc.imported).toLocaleString()),
      el("td", {}, el("a", { href: `/api/export?format=tmx&document=${doc.id}`, download: "" }, "TMX"), " ",
        el("a", { href: `/api/export?format=xliff&document=${doc.id}`, download: "" }, "XLIFF"), " ",
        el("a", { href: `/api/export?format=${doc.format || "txt"}&document=${doc.id}`, download: "" }, `English (${(doc.format || "txt").toUpperCase()})`))));
    const headings = ["Document", "Units", "Progress", ...(me.team ? ["Assigned to"] : []), "Imported", "Export"];
    const assigned = me.team ? el("label", { class: "filter" }, "Show ", el("select", { id: "assignee-filter", onchange: (event) => {
      for (const row of rows) {
        const wanted = event.target.value, assignee = row.dataset.assignee;
        row.hidden = !(wanted === "*" || (wanted === "" ? assignee === "" : assignee === wanted));
      }
    } }, el("option", { value: "*" }, "all documents"), el("option", { value: me.name }, "documents assigned to me"),
      el("option", { value: "" }, "unassigned documents"),
      accounts.filter((member) => member.name !== me.name).map((member) => el("option", { value: member.name }, `assigned to ${member.name}`)))) : null;
    app.replaceChildren(
      el("h1", {}, "Documents"), may(me, "manageDocuments") ? form : null, message, assigned,
      docs.length
        ? el("table", { class: "documents" },
            el("thead", {}, el("tr", {}, headings.map((h) => el("th", {}, h)))),
            el("tbody", {}, rows))
        : el("p", {}, "No documents yet. Import an Arabic text above, or run tarjuman import FILE."),
      el("p", {}, el("a", { href: "/api/export?format=tmx", download: "" }, "Download the whole memory as TMX")));
  }

  // Who a document is assigned to: a choice for an admin, the name for everyone else.
  function assigneeCell(doc, accounts) {
    if (!may(me, "manageDocuments")) return doc.assignee || "—";
    const message = el("span", { class: "note", role: "status" });
    const choice = el("select", { class: "assign", "aria-label": `Assign ${doc.name}`, onchange: async () => {
      try {
        const changed = await api("PUT", `/api/documents/${doc.id}/assignee`, { name: choice.value || null });
        choice.closest("tr").dataset.assignee = changed.assignee || "";
        message.textContent = "Saved.";
      } catch (error) { message.textContent = error.message; }
    } }, el("option", { value: "" }, "no one"), accounts.map((member) => el("option", { value: member.name }, member.name)));
    choice.value = doc.assignee || "";
    return [choice, " ", message];
  }

  // Editor ------------------------------------------------------------------

  const editor = { rows: [], doc: null, filter: null, latest: 0, mine: new Set(), timer: null };

  async function editorPage(id) {
    const [data, findings] = await Promise.all([
      api("GET", `/api/documents/${id}`), api("GET", `/api/documents/${id}/findings`)]);
    editor.doc = data.document;
    editor.latest = data.latest;
    document.title = `${data.document.name} · Tarjuman`;
    const byUnit = new Map();
    for (const finding of findings) {
      for (const unit of finding.units) byUnit.set(unit, [...(byUnit.get(unit) || []), finding]);
    }
    editor.rows = data.units.map((unit, index) => unitRow(unit, index, byUnit.get(unit.id) || []));
    app.replaceChildren(
      el("div", { class: "doc-head" },
        el("h1", {}, data.document.name),
        el("div", { id: "doc-status", class: "doc-status" }),
        el("div", { class: "exports" },
          el("a", { id: "export-tmx", href: `/api/export?format=tmx&document=${id}`, download: "" }, "Export TMX"), " ",
          el("a", { id: "export-xliff", href: `/api/export?format=xliff&document=${id}`, download: "" }, "Export XLIFF"), " ",
          el("a", { id: "export-english", href: `/api/export?format=${data.document.format || "txt"}&document=${id}`, download: "",
            title: "The document in English in its own format; units without a rendering keep their Arabic" }, "Download English"), " ",
          may(me, "manageDocuments") ? el("button", { type: "button", id: "pretranslate", title: "Fill units without a rendering with exact memory matches, as drafts",
            onclick: () => pretranslate(id) }, "Pretranslate") : null, " ",
          el("button", { type: "button", id: "show-activity", onclick: () => toggleActivity(id) }, "Activity"), " ",
          el("label", { class: "filter" }, "Show ", editor.filter = el("select", { id: "unit-filter", onchange: applyFilter },
            el("option", { value: "all" }, "all units"),
            el("option", { value: "new" }, "units without a rendering"),
            el("option", { value: "draft" }, "units not approved"),
            el("option", { value: "translated" }, "units to review (translated)"),
            el("option", { value: "rejected" }, "rejected units"),
            el("option", { value: "findings" }, "units with QA findings")))),
        el("p", { class: "keys" }, `Enter saves and moves on · Ctrl+Enter ${may(me, "review") ? "approves" : "marks translated"} · Shift+Enter new line · `,
          "Alt+↑/↓ moves · Ctrl+1…5 inserts a memory suggestion · Esc undoes the edit"),
        el("p", { id: "notices", class: "notices", role: "status", "aria-live": "polite" }),
        el("ol", { id: "activity", class: "activity", hidden: true })),
      el("div", { class: "units" }, editor.rows.map((row) => row.node)));
    showStatus(data.document);
    keepClearOfHeaders();
    window.addEventListener("resize", keepClearOfHeaders);
    const wanted = decodeURIComponent(location.hash.replace(/^#u-/, ""));
    const start = editor.rows.find((row) => row.unit.id === wanted) || editor.rows.find((row) => !row.unit.rendering) || editor.rows[0];
    if (start) { start.input.focus(); start.node.scrollIntoView({ block: "center" }); }
    clearInterval(editor.timer);
    editor.timer = setInterval(() => listen(id), 3000);
  }

  // Asks every few seconds what others saved in this document since the newest rendering seen,
  // and shows it in place: a unit not being edited takes the new rendering, one being edited
  // says that someone else saved it.
  async function listen(id) {
    let entries;
    try {
      entries = await api("GET", `/api/documents/${id}/activity?after=${editor.latest}&limit=200`);
    } catch (_) { return; }
    if (entries.some((entry) => !editor.mine.has(entry.rendering.id))) {
      api("GET", "/api/documents").then((docs) => {
        const doc = docs.find((candidate) => String(candidate.id) === String(id));
        if (doc) showStatus(doc);
      }).catch(() => {});
    }
    for (const entry of entries.reverse()) {
      editor.latest = Math.max(editor.latest, entry.rendering.id);
      if (editor.mine.has(entry.rendering.id)) continue;
      const row = editor.rows.find((candidate) => candidate.unit.id === entry.unit);
      if (!row || row.base === entry.rendering.id) continue;
      const by = entry.actor || "someone";
      notice(`${by} ${describe(entry.rendering)} unit ${entry.unit}`, entry.unit);
      if (row.input.value !== row.saved) {
        showConflict(row, entry.rendering, row.status || "draft");
      } else {
        takeRendering(row, entry.rendering);
        row.note.textContent = `Updated by ${by}.`;
      }
    }
  }

  function describe(rendering) {
    return { approved: "approved", rejected: "rejected", translated: "translated" }[rendering.status] || "saved";
  }

  function notice(text, unit) {
    const list = document.getElementById("notices");
    if (!list) return;
    list.prepend(el("span", { class: "notice" }, el("a", { href: `#u-${unit}` }, text), " "));
    while (list.children.length > 5) list.lastChild.remove();
  }

  async function toggleActivity(id) {
    const list = document.getElementById("activity");
    if (list.hidden) {
      const entries = await api("GET", `/api/documents/${id}/activity?limit=50`);
      list.replaceChildren(...entries.map((entry) => el("li", {},
        el("span", { class: "when" }, new Date(entry.rendering.date).toLocaleString()), " ",
        el("span", { class: "who" }, entry.actor || "someone"), " ", describe(entry.rendering), " ",
        el("a", { href: `#u-${entry.unit}` }, entry.unit), ": ", el("span", { class: "history-text" }, entry.rendering.text),
        entry.rendering.comment ? el("span", { class: "comment" }, ` — “${entry.rendering.comment}”`) : null)));
      if (!entries.length) list.replaceChildren(el("li", {}, "Nothing done yet."));
    }
    list.hidden = !list.hidden;
  }

  // Fills units without a rendering from the memories (exact matches, as drafts), then shows the document again.
  async function pretranslate(id) {
    const unsaved = editor.rows.some((row) => row.input.value !== row.saved);
    if (unsaved && !confirm("Some edits are not saved. Pretranslate and reload the document anyway? Unsaved edits are lost.")) return;
    const button = document.getElementById("pretranslate");
    button.disabled = true;
    try {
      const outcome = await api("POST", `/api/documents/${id}/pretranslate?min=100`);
      await editorPage(id);
      const status = document.getElementById("doc-status");
      status.append(" · ", el("span", { role: "status" },
        `${outcome.filled} of ${outcome.unrendered} units without a rendering filled from memories as drafts`));
    } catch (error) {
      button.disabled = false;
      alert(error.message);
    }
  }

  // Units scrolled to or focused stop below the sticky headers, whose height varies with the width.
  function keepClearOfHeaders() {
    const head = document.querySelector(".doc-head");
    const top = document.querySelector("header.top");
    const covered = (head ? head.getBoundingClientRect().bottom : 0) || (top ? top.offsetHeight : 0);
    document.documentElement.style.scrollPaddingTop = `${Math.ceil(covered) + 8}px`;
  }

  function showStatus(doc) {
    editor.doc = doc;
    const status = document.getElementById("doc-status");
    status.replaceChildren(progress(doc));
  }

  function sourceCell(unit) {
    const cell = el("div", { class: "ar", dir: "rtl", lang: "ar" });
    for (const piece of unit.pieces) {
      if (piece.mark === undefined || piece.mark === null) { cell.append(piece.text); continue; }
      const term = unit.terms[piece.mark];
      let tip = term.english;
      if (term.alternatives.length) tip += ` (also: ${term.alternatives.join(" | ")})`;
      if (term.forbidden.length) tip += ` — not: ${term.forbidden.join(" | ")}`;
      if (term.note) tip += ` — ${term.note}`;
      cell.append(el("mark", { class: "term", tabindex: "0", "data-tip": tip, title: tip, "aria-label": `${piece.text}: ${tip}` }, piece.text));
    }
    return cell;
  }

  function unitRow(unit, index, findings) {
    const row = { unit, index, base: unit.rendering ? unit.rendering.id : null,
      saved: unit.rendering ? unit.rendering.text : "", status: unit.rendering ? unit.rendering.status : null,
      suggestions: null };
    row.input = el("textarea", { class: "en", lang: "en", dir: "ltr", rows: "2", "aria-label": `English for unit ${unit.id}`,
      placeholder: "English rendering" });
    row.input.value = row.saved;
    row.badge = el("span", { class: "badge" });
    row.note = el("span", { class: "note", role: "status" });
    row.conflict = el("div", { class: "conflict", hidden: true });
    row.review = el("p", { class: "review-comment", hidden: true });
    row.suggestionList = el("ol", { class: "suggestions" });
    row.findingList = el("ul", { class: "findings" });
    row.codeBar = codeBar(row);
    row.history = el("ol", { class: "history", hidden: true });
    const historyButton = el("button", { type: "button", class: "show-history", onclick: () => toggleHistory(row) }, "History");
    row.node = el("section", { class: "unit", id: `u-${unit.id}`, "data-unit": unit.id },
      el("div", { class: "num" }, unit.id),
      el("div", { class: "target" }, row.input, row.codeBar,
        el("div", { class: "actions" }, row.badge,
          el("button", { type: "button", class: "save", onclick: () => save(row, "draft", false) }, "Save"),
          me.team ? el("button", { type: "button", class: "mark-translated", onclick: () => save(row, "translated", false) }, "Mark translated") : null,
          may(me, "review") ? el("button", { type: "button", class: "approve", onclick: () => save(row, "approved", false) }, "Approve") : null,
          me.team && may(me, "review") ? el("button", { type: "button", class: "reject", onclick: () => reject(row) }, "Reject") : null,
          historyButton, row.note),
        row.review, row.conflict, row.suggestionList, row.findingList, row.history),
      el("div", { class: "source" }, sourceCell(unit),
        unit.terms.length
          ? el("ul", { class: "unit-terms", dir: "ltr" }, unit.terms.map((term) =>
              el("li", {}, el("span", { lang: "ar", dir: "rtl" }, term.surface), " → ", term.english,
                term.forbidden.length ? el("span", { class: "forbidden" }, ` (not ${term.forbidden.join(", ")})`) : null)))
          : null));
    row.input.addEventListener("focus", () => { row.node.classList.add("current"); loadSuggestions(row); });
    row.input.addEventListener("blur", () => row.node.classList.remove("current"));
    row.input.addEventListener("input", () => markDirty(row));
    row.input.addEventListener("keydown", (event) => keydown(row, event));
    showBadge(row);
    showReview(row, unit.rendering);
    showFindings(row, findings);
    return row;
  }

  // A rejection's comment beside the unit; an approved unit is read-only for a translator.
  function showReview(row, rendering) {
    const rejected = rendering && rendering.status === "rejected";
    row.review.hidden = !rejected;
    row.review.textContent = rejected ? `Rejected by ${rendering.reviewer || "a reviewer"}: ${rendering.comment || ""}` : "";
    const locked = me.team && !may(me, "changeApproved") && rendering && rendering.status === "approved";
    row.input.readOnly = !!locked;
    row.input.title = locked ? "Approved: only a reviewer can change it" : "";
  }

  function takeRendering(row, rendering) {
    row.base = rendering ? rendering.id : null;
    row.saved = rendering ? rendering.text : "";
    row.status = rendering ? rendering.status : null;
    row.input.value = row.saved;
    row.conflict.hidden = true;
    showBadge(row);
    showReview(row, rendering);
    markDirty(row);
  }

  // The unit's codes (bold, link, footnote reference...) as tokens: a click places the code's
  // tags around the selected English, or at the cursor.
  function codeBar(row) {
    const codes = row.unit.codes || [];
    if (!codes.length) return null;
    const chars = [...row.unit.source];
    return el("div", { class: "codes", dir: "ltr" }, "Codes: ", codes.map((code) => {
      const covered = code.paired ? chars.slice(code.start, code.end).join("") : "";
      const label = tagTexts(code).join("…");
      return el("button", { type: "button", class: `code ${code.kind}`, "data-tag": code.tag,
        title: covered ? `${code.kind}: ${covered}` : code.kind,
        onmousedown: (event) => event.preventDefault(),
        onclick: () => {
          const placed = placeTag(row.input.value, row.input.selectionStart, row.input.selectionEnd, code);
          row.input.value = placed.value;
          row.input.focus();
          row.input.setSelectionRange(placed.cursor, placed.cursor);
          markDirty(row);
        } }, label);
    }));
  }

  function markDirty(row) {
    row.node.classList.toggle("dirty", row.input.value !== row.saved);
  }

  function showBadge(row) {
    row.badge.textContent = row.status || "new";
    row.badge.className = `badge ${row.status || "new"}`;
  }

  function showFindings(row, findings) {
    row.findingList.replaceChildren(...findings.map((finding) =>
      el("li", { class: finding.severity }, el("strong", {}, finding.check), " ", mixed(finding.message))));
  }

  function move(row, step) {
    let index = row.index + step;
    while (editor.rows[index] && editor.rows[index].node.hidden) index += step;
    const next = editor.rows[index];
    if (next) { next.input.focus(); next.node.scrollIntoView({ block: "nearest" }); }
  }

  // Shows only the units the translator asked for; a unit saved out of the filter stays until
  // the filter is chosen again, so the row does not vanish under the cursor.
  function applyFilter() {
    const wanted = editor.filter.value;
    for (const row of editor.rows) {
      const shown = wanted === "new" ? !row.status
        : wanted === "draft" ? row.status !== "approved"
        : wanted === "translated" || wanted === "rejected" ? row.status === wanted
        : wanted === "findings" ? row.findingList.children.length > 0
        : true;
      row.node.hidden = !shown;
    }
    const first = editor.rows.find((row) => !row.node.hidden);
    if (first && document.activeElement && document.activeElement.closest && document.activeElement.closest("section.unit[hidden]")) {
      first.input.focus();
    }
  }

  function keydown(row, event) {
    if ((event.key === "Backspace" || event.key === "Delete") && (row.unit.codes || []).length
        && row.input.selectionStart === row.input.selectionEnd) {
      const tag = tagToDelete(row.input.value, row.input.selectionStart, event.key === "Backspace", row.unit.codes);
      if (tag) {
        event.preventDefault();
        row.input.value = row.input.value.slice(0, tag.start) + row.input.value.slice(tag.end);
        row.input.setSelectionRange(tag.start, tag.start);
        markDirty(row);
        return;
      }
    }
    const key = keyAction(event);
    if (!key) return;
    if (key.action === "save") {
      event.preventDefault();
      save(row, key.status, true);
    } else if (key.action === "move") {
      event.preventDefault();
      move(row, key.step);
    } else if (key.action === "insert") {
      const suggestion = (row.suggestions || [])[key.index];
      if (suggestion) { event.preventDefault(); insert(row, suggestion.target); }
    } else if (key.action === "revert") {
      row.input.value = row.saved;
      markDirty(row);
    }
  }

  async function save(row, status, moveOn) {
    if (status === "approved" && !may(me, "review")) status = "translated";
    const text = row.input.value;
    if (!text.trim()) { row.note.textContent = "Type the English first."; return; }
    if (text === row.saved && status === row.status) { if (moveOn) move(row, 1); return; }
    if (row.input.readOnly) { row.note.textContent = "Approved: only a reviewer can change it."; return; }
    row.note.textContent = "Saving…";
    try {
      // A reviewer approving the text as it stands reviews it, which keeps the translator's credit.
      const result = me.team && status === "approved" && text === row.saved && row.base !== null
        ? await api("POST", `/api/units/${row.unit.id}/review`, { verdict: "approve", base: row.base })
        : await api("PUT", `/api/units/${row.unit.id}/rendering`,
          { text, status, translator: who ? who.value.trim() || null : null, base: row.base });
      saved(row, result);
      if (moveOn) move(row, 1);
    } catch (error) {
      if (error.status === 409) { showConflict(row, error.data.current, status); return; }
      row.note.textContent = error.message;
    }
  }

  // Shows what the server stored for the unit.
  function saved(row, result) {
    editor.mine.add(result.rendering.id);
    takeRendering(row, result.rendering);
    row.note.textContent = result.changed ? "Saved." : "No change.";
    showFindings(row, result.findings);
    if (result.document) showStatus(result.document);
    if (!row.history.hidden) loadHistory(row).catch(() => {});
  }

  async function reject(row) {
    if (row.base === null) { row.note.textContent = "Nothing to reject yet."; return; }
    const comment = prompt(`Why is unit ${row.unit.id} rejected? The translator sees this comment.`);
    if (comment === null) return;
    if (!comment.trim()) { row.note.textContent = "A rejection needs a comment."; return; }
    try {
      saved(row, await api("POST", `/api/units/${row.unit.id}/review`, { verdict: "reject", comment, base: row.base }));
    } catch (error) {
      if (error.status === 409) { showConflict(row, error.data.current, row.status || "draft"); return; }
      row.note.textContent = error.message;
    }
  }

  function showConflict(row, current, status) {
    row.note.textContent = "Not saved: someone else changed this unit.";
    const theirs = current ? current.text : "(no rendering)";
    row.conflict.replaceChildren(
      el("p", {}, `Saved meanwhile${current && current.translator ? " by " + current.translator : ""}: `, el("q", {}, theirs)),
      el("button", { type: "button", class: "keep-mine", onclick: () => { row.base = current ? current.id : null; save(row, status, false); } }, "Keep mine"),
      " ",
      el("button", { type: "button", class: "take-theirs", onclick: () => takeRendering(row, current) }, "Take theirs"));
    row.conflict.hidden = false;
  }

  function insert(row, text) {
    row.input.value = text;
    markDirty(row);
    row.input.focus();
  }

  async function loadSuggestions(row) {
    if (row.suggestions) return;
    row.suggestions = [];
    try {
      row.suggestions = await api("GET", `/api/units/${row.unit.id}/matches?min=50&limit=5`);
    } catch (error) {
      row.suggestionList.replaceChildren(el("li", { class: "error" }, error.message));
      return;
    }
    row.suggestionList.replaceChildren(...row.suggestions.map((match, index) =>
      el("li", {}, el("button", { type: "button", class: "suggestion", title: `${match.source} (${match.memory ? `memory ${match.memory}, entry ${match.unit}` : `unit ${match.unit}`}, ${match.document}${match.occurrences > 1 ? `; ${match.occurrences} places` : ""})`,
        onclick: () => insert(row, match.target) },
      el("span", { class: `score ${match.kind}` }, `${match.score}%`), " ",
      el("span", { class: "kind" }, match.kind), " ",
      el("span", { class: "origin" }, match.memory ? match.memory : `unit ${match.unit}`), " ",
      el("span", { class: "target-text" }, match.target),
      index < 9 ? el("kbd", {}, `Ctrl+${index + 1}`) : null,
      el("span", { class: "suggestion-source", lang: "ar", dir: "rtl" }, match.source),
      differences(match)))));
    if (!row.suggestions.length) row.suggestionList.replaceChildren(el("li", { class: "none" }, "No memory match at 50% or more."));
  }

  // How the memory's source differs from this unit, read from the unit's side.
  function differences(match) {
    const items = match.differences.map((difference) =>
      difference.change === "added" ? el("li", { class: "added" }, "+ ", el("bdi", { lang: "ar" }, difference.query))
        : difference.change === "removed" ? el("li", { class: "removed" }, "− ", el("bdi", { lang: "ar" }, difference.memory))
        : el("li", { class: "changed" }, el("bdi", { lang: "ar" }, difference.memory), " → ", el("bdi", { lang: "ar" }, difference.query)));
    for (const number of match.numbers) items.push(el("li", { class: "number" }, `${number.memory} → ${number.query}`));
    return items.length ? el("ul", { class: "differences", title: "what differs: the memory's words → this unit's" }, items) : null;
  }

  async function loadHistory(row) {
    const detail = await api("GET", `/api/units/${row.unit.id}`);
    row.history.replaceChildren(...detail.history.map((rendering) =>
      el("li", {}, el("span", { class: "when" }, new Date(rendering.date).toLocaleString()), " ",
        el("span", { class: `badge ${rendering.status}` }, rendering.status), " ",
        rendering.reviewer ? el("span", { class: "who" }, `${rendering.reviewer} (reviewer)`) : null,
        rendering.translator ? el("span", { class: "who" }, rendering.translator) : null, " ",
        el("span", { class: "history-text" }, rendering.text),
        rendering.comment ? el("span", { class: "comment" }, ` — “${rendering.comment}”`) : null)));
    if (!detail.history.length) row.history.replaceChildren(el("li", {}, "No rendering yet."));
  }

  async function toggleHistory(row) {
    if (row.history.hidden) {
      try { await loadHistory(row); } catch (error) { row.note.textContent = error.message; return; }
    }
    row.history.hidden = !row.history.hidden;
  }

  // Glossary and concordance --------------------------------------------------

  function termForm(term, onSubmit, label) {
    const fields = {
      arabic: el("input", { name: "arabic", lang: "ar", dir: "rtl", required: true, placeholder: "Arabic" }),
      english: el("input", { name: "english", required: true, placeholder: "English" }),
      alternatives: el("input", { name: "alternatives", placeholder: "also acceptable, separated by |" }),
      forbidden: el("input", { name: "forbidden", placeholder: "never, separated by |" }),
      note: el("input", { name: "note", placeholder: "note" }),
      domain: el("input", { name: "domain", placeholder: "domain" }),
    };
    if (term) {
      fields.arabic.value = term.arabic; fields.english.value = term.english;
      fields.alternatives.value = term.alternatives.join(" | "); fields.forbidden.value = term.forbidden.join(" | ");
      fields.note.value = term.note; fields.domain.value = term.domain;
    }
    const message = el("span", { class: "note", role: "status" });
    const form = el("form", { class: "term-form", onsubmit: async (event) => {
      event.preventDefault();
      try {
        await onSubmit({ arabic: fields.arabic.value, english: fields.english.value, alternatives: list(fields.alternatives.value),
          forbidden: list(fields.forbidden.value), note: fields.note.value, domain: fields.domain.value });
      } catch (error) { message.textContent = error.message; }
    } }, Object.values(fields), el("button", { type: "submit" }, label), message);
    return form;
  }

  async function glossaryPage() {
    const query = el("input", { type: "search", id: "glossary-search", placeholder: "Search Arabic or English", "aria-label": "Search the glossary" });
    const table = el("div", { class: "glossary" });
    const concordanceInput = el("input", { type: "search", id: "concordance-term", lang: "ar", dir: "rtl",
      placeholder: "مصطلح", "aria-label": "Arabic term for the concordance" });
    const concordance = el("div", { class: "concordance" });
    const status = el("p", { class: "message", role: "status" });

    async function refresh() {
      const terms = await api("GET", `/api/glossary?q=${encodeURIComponent(query.value)}`);
      const rows = terms.map((term) => {
        const row = el("tr", { "data-term": term.id },
          el("td", { class: "ar", lang: "ar", dir: "rtl" }, term.arabic),
          el("td", {}, term.english),
          el("td", {}, term.alternatives.join(" | ")),
          el("td", { class: "forbidden" }, term.forbidden.join(" | ")),
          el("td", {}, term.note),
          el("td", {}, term.domain),
          el("td", {}, !may(me, "manageGlossary") ? null : el("button", { type: "button", class: "edit", onclick: () => {
            const cell = el("td", { colspan: "7" }, termForm(term, async (changed) => {
              await api("PUT", `/api/glossary/${term.id}`, changed);
              status.replaceChildren(...mixed(`Saved ${changed.arabic}.`));
              refresh();
            }, "Save"), " ", el("button", { type: "button", onclick: async () => {
              if (!confirm(`Remove ${term.arabic} → ${term.english}?`)) return;
              await api("DELETE", `/api/glossary/${term.id}`);
              status.replaceChildren(...mixed(`Removed ${term.arabic}.`));
              refresh();
            } }, "Remove"));
            row.replaceChildren(cell);
          } }, "Edit")));
        return row;
      });
      table.replaceChildren(el("p", {}, `${terms.length} entr${terms.length === 1 ? "y" : "ies"}`),
        el("table", {}, el("thead", {}, el("tr", {}, ["Arabic", "English", "Also", "Not", "Note", "Domain", ""].map((h) => el("th", {}, h)))),
          el("tbody", {}, rows)));
    }

    // Text pieces with the marked ones (a term, or the words that render it) in <mark>.
    function marked(pieces) {
      return pieces.map((piece) => piece.mark === null || piece.mark === undefined ? piece.text : el("mark", {}, piece.text));
    }

    async function lookup(event) {
      event.preventDefault();
      const term = concordanceInput.value.trim();
      if (!term) return;
      try {
        const result = await api("GET", `/api/concordance?term=${encodeURIComponent(term)}&limit=100`);
        const lines = result.lines.map((line) => el("tr", {},
          el("td", {}, el("a", { href: `/documents/${line.unit.split(".")[0]}#u-${line.unit}` }, line.unit)),
          el("td", { class: "ar", lang: "ar", dir: "rtl" }, marked(line.pieces)),
          el("td", {}, line.rendering === null ? el("em", {}, "not rendered yet")
            : line.renderingPieces ? marked(line.renderingPieces) : line.rendering)));
        concordance.replaceChildren(
          el("p", {}, mixed(`«${result.term}» in ${result.total} unit${result.total === 1 ? "" : "s"}`)),
          result.total ? el("table", {}, el("tbody", {}, lines)) : null,
          result.renderings.length ? el("h3", {}, `Rendered as (${result.renderingsFrom === "word alignment" ? "by word alignment" : "guessed from shared phrases: run tarjuman train"})`) : null,
          el("ul", { class: "variants" }, result.renderings.map((variant) => el("li", {}, `${variant.count} × ${variant.text}`)),
            result.other ? el("li", {}, `${result.other} × other wording`) : null,
            result.unrendered ? el("li", {}, `${result.unrendered} not rendered yet`) : null));
      } catch (error) { concordance.replaceChildren(failure(error)); }
    }

    let timer = null;
    query.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(refresh, 200); });
    app.replaceChildren(
      el("h1", {}, "Glossary"),
      el("section", { class: "panel" }, el("h2", {}, "How did we render this?"),
        el("form", { class: "concordance-form", onsubmit: lookup }, concordanceInput, " ", el("button", { type: "submit" }, "Search the memory")),
        concordance),
      may(me, "manageGlossary") ? el("section", { class: "panel" }, el("h2", {}, "Add a term"),
        termForm(null, async (term) => {
          const added = await api("POST", "/api/glossary", term);
          status.replaceChildren(...mixed(`Added ${added.arabic} → ${added.english}.`));
          query.value = added.arabic;
          refresh();
        }, "Add")) : null,
      el("section", { class: "panel" }, el("h2", {}, "Entries"), query, status, table));
    await refresh();
  }

  async function start() {
    try {
      const page = document.body.dataset.page;
      if (page === "login") loginPage();
      else if (page === "editor") await editorPage(location.pathname.split("/").filter(Boolean)[1]);
      else if (page === "glossary") await glossaryPage();
      else await documentsPage();
      document.body.dataset.ready = "true";
    } catch (error) {
      app.replaceChildren(failure(error), el("p", {}, el("a", { href: "/" }, "Back to the documents")));
      document.body.dataset.ready = "error";
    }
  }

  start();
})();
