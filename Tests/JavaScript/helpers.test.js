"use strict";
// Unit tests of the editor's pure helpers: node --test Tests/JavaScript
const test = require("node:test");
const assert = require("node:assert/strict");
const { splitMixed, keyAction, list, percent, placeTag, tagToDelete, may, nextPath } = require("../../Sources/TarjumanServer/Assets/helpers.js");

test("Arabic runs are cut out of English text, spaces between Arabic words kept inside the run", () => {
  assert.deepEqual(splitMixed("Added «كتائب القسام» → al-Qassam Brigades."), [
    { text: "Added «", arabic: false },
    { text: "كتائب القسام", arabic: true },
    { text: "» → al-Qassam Brigades.", arabic: false },
  ]);
  assert.deepEqual(splitMixed("no Arabic here"), [{ text: "no Arabic here", arabic: false }]);
  assert.deepEqual(splitMixed("حماس"), [{ text: "حماس", arabic: true }]);
  assert.deepEqual(splitMixed(""), []);
});

test("Keys: Enter saves a draft, Ctrl or Cmd+Enter approves, Shift+Enter types a line break", () => {
  assert.deepEqual(keyAction({ key: "Enter" }), { action: "save", status: "draft" });
  assert.deepEqual(keyAction({ key: "Enter", ctrlKey: true }), { action: "save", status: "approved" });
  assert.deepEqual(keyAction({ key: "Enter", metaKey: true }), { action: "save", status: "approved" });
  assert.equal(keyAction({ key: "Enter", shiftKey: true }), null);
});

test("Keys: Alt+arrows move, Ctrl+digit inserts that match, Escape reverts, letters type", () => {
  assert.deepEqual(keyAction({ key: "ArrowDown", altKey: true }), { action: "move", step: 1 });
  assert.deepEqual(keyAction({ key: "ArrowUp", altKey: true }), { action: "move", step: -1 });
  assert.equal(keyAction({ key: "ArrowDown" }), null);
  assert.deepEqual(keyAction({ key: "3", ctrlKey: true }), { action: "insert", index: 2 });
  assert.equal(keyAction({ key: "0", ctrlKey: true }), null);
  assert.deepEqual(keyAction({ key: "Escape" }), { action: "revert" });
  assert.equal(keyAction({ key: "a" }), null);
});

test("Glossary fields split on | as TSV glossaries do, and on ; too; blanks dropped", () => {
  assert.deepEqual(list("al-Qassam | Qassam Brigades"), ["al-Qassam", "Qassam Brigades"]);
  assert.deepEqual(list("victims; dead |  "), ["victims", "dead"]);
  assert.deepEqual(list(""), []);
});

test("Progress percentages round and survive an empty document", () => {
  assert.equal(percent(1, 3), 33);
  assert.equal(percent(0, 0), 0);
});

test("Codes: a paired tag wraps the selection, a standalone one goes at the cursor, a tag placed again moves", () => {
  const bold = { tag: "b1", paired: true }, note = { tag: "f2", paired: false };
  assert.deepEqual(placeTag("the historic agreement", 4, 12, bold), { value: "the <b1>historic</b1> agreement", cursor: 21 });
  assert.deepEqual(placeTag("said.", 5, 5, note), { value: "said.<f2/>", cursor: 10 });
  assert.deepEqual(placeTag("<b1>the</b1> historic", 13, 21, bold), { value: "the <b1>historic</b1>", cursor: 21 });
});

test("Codes: Backspace or Delete on a tag removes the whole tag, never part of it", () => {
  const codes = [{ tag: "b1", paired: true }, { tag: "f2", paired: false }];
  assert.deepEqual(tagToDelete("a <b1>word</b1>", 6, true, codes), { start: 2, end: 6 });
  assert.deepEqual(tagToDelete("a <b1>word</b1>", 2, false, codes), { start: 2, end: 6 });
  assert.deepEqual(tagToDelete("a <b1>word</b1>", 15, true, codes), { start: 10, end: 15 });
  assert.deepEqual(tagToDelete("end.<f2/>", 7, true, codes), { start: 4, end: 9 });
  assert.equal(tagToDelete("a <b1>word</b1>", 8, true, codes), null);
  assert.equal(tagToDelete("a <i3>x</i3>", 6, true, codes), null);
});

test("Roles: without accounts everyone may do everything; in team mode each role as the server allows", () => {
  assert.equal(may({ team: false }, "manageAccounts"), true);
  const translator = { team: true, role: "translator" }, reviewer = { team: true, role: "reviewer" }, admin = { team: true, role: "admin" };
  assert.equal(may(translator, "markTranslated"), true);
  assert.equal(may(translator, "review"), false);
  assert.equal(may(reviewer, "review"), true);
  assert.equal(may(reviewer, "manageGlossary"), false);
  assert.equal(may(admin, "manageDocuments"), true);
  assert.equal(may(translator, "an action nobody named"), false);
});

test("After logging in the page goes only to a path of this site", () => {
  assert.equal(nextPath("/documents/3#u-3.4"), "/documents/3#u-3.4");
  assert.equal(nextPath("//evil.example/"), "/");
  assert.equal(nextPath("/\\evil.example"), "/");
  assert.equal(nextPath("https://evil.example/"), "/");
  assert.equal(nextPath(null), "/");
});
