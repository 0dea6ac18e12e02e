// Remembers the write token for this tab so each correction form need not ask again.
(function () {
  var key = "garante-token";
  var saved = sessionStorage.getItem(key) || "";
  document.querySelectorAll("input.token-input").forEach(function (input) {
    if (saved && !input.value) input.value = saved;
    input.form.addEventListener("submit", function () { sessionStorage.setItem(key, input.value); });
  });
  // clicking a statement in the text jumps to its entry in the list
  document.querySelectorAll(".hl-statement[data-statement]").forEach(function (el) {
    el.addEventListener("click", function (ev) {
      if (ev.target.closest("a")) return;
      var items = document.querySelectorAll("ol.statements > li.statement");
      var item = items[Number(el.dataset.statement)];
      if (item) item.scrollIntoView({ block: "center" });
    });
  });
})();
