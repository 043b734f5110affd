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

  return { splitMixed, keyAction, list, percent };
})();

if (typeof module !== "undefined") module.exports = TarjumanHelpers;
