"use strict";
// Unit tests of the editor's pure helpers: node --test Tests/JavaScript
const test = require("node:test");
const assert = require("node:assert/strict");
const { splitMixed, keyAction, list, percent } = require("../../Sources/TarjumanServer/Assets/helpers.js");

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
