"use strict";
// The editor's pure helpers: no page, no network, so that `node --test Tests/JavaScript` runs them.
const TarjumanHelpers = (() => {
  const arabicRun = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+(?:[\s\u00A0]+[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+)*/g;

  // English text cut into its Arabic runs and the rest, so that the page can isolate each
  // Arabic run (quotes and brackets around it then stay in place).
  function splitMixed(text) {
    const pieces = [];
    let position = 0;
    for (const match of text.matchAll(arabicRun)) {
      if (match.index > position) pieces.push({ text: text.slice(position, match.index), arabic: false });
      pieces.push({ text: match[0], arabic: true });
      position = match.index + match[0].length;
    }
    if (position < text.length) pieces.push({ text: text.slice(position), arabic: false });
    return pieces;
  }

  // What a key pressed in a rendering box asks for: save (Enter: draft; Ctrl/Cmd+Enter:
  // approved), move to the next or previous unit (Alt+arrows), insert memory match N
  // (Ctrl/Cmd+1…9), revert (Escape); null for typing.
  function keyAction(event) {
    if (event.key === "Enter" && !event.shiftKey && !event.altKey) {
      return { action: "save", status: event.ctrlKey || event.metaKey ? "approved" : "draft" };
    }
    if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      return { action: "move", step: event.key === "ArrowDown" ? 1 : -1 };
    }
    if ((event.ctrlKey || event.metaKey) && /^[1-9]$/.test(event.key)) {
      return { action: "insert", index: Number(event.key) - 1 };
    }
    if (event.key === "Escape") return { action: "revert" };
    return null;
  }

  // The items of a glossary form field: separated by | as in TSV glossaries (; is read too).
  function list(text) { return text.split(/[;|]/).map((item) => item.trim()).filter(Boolean); }

  function percent(part, whole) { return whole ? Math.round((100 * part) / whole) : 0; }

  // The text of a unit's code tags: <b1> and </b1> for a paired code, <f2/> for a standalone one.
  function tagTexts(code) { return code.paired ? [`<${code.tag}>`, `</${code.tag}>`] : [`<${code.tag}/>`]; }

  // A code placed in a rendering: a paired code wraps the selection (start..end), a standalone
  // one goes at the cursor; a tag already there is moved, never doubled. Gives the new value and
  // where the cursor goes.
  function placeTag(value, start, end, code) {
    const tags = tagTexts(code);
    let text = value;
    for (const tag of tags) {
      const at = text.indexOf(tag);
      if (at < 0) continue;
      text = text.slice(0, at) + text.slice(at + tag.length);
      if (at < start) start -= Math.min(tag.length, start - at);
      if (at < end) end -= Math.min(tag.length, end - at);
    }
    if (tags.length === 1) {
      return { value: text.slice(0, start) + tags[0] + text.slice(start), cursor: start + tags[0].length };
    }
    const inner = text.slice(start, end);
    return { value: text.slice(0, start) + tags[0] + inner + tags[1] + text.slice(end), cursor: start + tags[0].length + inner.length + tags[1].length };
  }

  // The tag of `codes` that Backspace (backward) or Delete at `position` would cut into, as
  // {start, end}: the key removes the whole tag, so a tag is moved or removed but never broken.
  function tagToDelete(value, position, backward, codes) {
    for (const code of codes) {
      for (const tag of tagTexts(code)) {
        let at = value.indexOf(tag);
        while (at >= 0) {
          const end = at + tag.length;
          const inside = backward ? position > at && position <= end : position >= at && position < end;
          if (inside) return { start: at, end };
          at = value.indexOf(tag, at + 1);
        }
      }
    }
    return null;
  }

  // The least role that may take each action, as the server's roles say (TeamRole).
  const leastRole = { saveDraft: "translator", markTranslated: "translator", review: "reviewer", changeApproved: "reviewer",
    manageDocuments: "admin", manageGlossary: "admin", manageAccounts: "admin" };
  const roleOrder = ["translator", "reviewer", "admin"];

  // Whether `me` ({team, role}) may take `action`; without accounts everyone may.
  function may(me, action) {
    if (!me.team) return true;
    return roleOrder.indexOf(me.role) >= roleOrder.indexOf(leastRole[action] || "admin");
  }

  // Where to go after logging in: a path of this site only (never //host or another scheme).
  function nextPath(next) {
    return typeof next === "string" && /^\/(?![\/\\])/.test(next) ? next : "/";
  }

  return { splitMixed, keyAction, list, percent, tagTexts, placeTag, tagToDelete, may, nextPath };
})();

if (typeof module !== "undefined") module.exports = TarjumanHelpers;
