// Site-local script (nothing is loaded from elsewhere).
// 1. A printed page's footer shows the address it was printed from.
// 2. The search dialog gets an accessible name (axe: aria-dialog-name).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".print-url").forEach(function (el) {
    el.textContent = window.location.href.split("#")[0];
  });
  var zh = document.documentElement.lang.indexOf("zh") === 0;
  document.querySelectorAll('.md-search[role="dialog"]').forEach(function (el) {
    el.setAttribute("aria-label", zh ? "搜索" : "Search");
  });
});
