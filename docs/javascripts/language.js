// Site-local script (nothing is loaded from elsewhere). The Chinese pages now sit at the
// addresses the English pages had: a reader whose browser does not ask for Chinese sees
// a one-line pointer to the same page in English, until they dismiss it.
document.addEventListener("DOMContentLoaded", function () {
  var hint = document.querySelector(".lang-hint");
  if (!hint) return;
  var KEY = "trusteeship-kit.lang-hint-dismissed";
  var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  var wantsChinese = Array.prototype.some.call(langs, function (l) { return /^zh\b/i.test(l); });
  var dismissed = false;
  try { dismissed = window.localStorage.getItem(KEY) === "1"; } catch (e) { dismissed = false; }
  if (wantsChinese || dismissed) return;
  hint.hidden = false;
  hint.querySelector(".lang-hint__close").addEventListener("click", function () {
    hint.hidden = true;
    try { window.localStorage.setItem(KEY, "1"); } catch (e) { /* storage off: hide for this page only */ }
  });
});
