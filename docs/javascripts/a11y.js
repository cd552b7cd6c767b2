// Site-local script (nothing is loaded from elsewhere): accessibility fixes to the theme.
// 1. The search dialog gets an accessible name (axe: aria-dialog-name).
// 2. A table too wide for the window scrolls sideways: its scrolling box can then be
//    reached with Tab and scrolled with the arrow keys, and is named for screen readers
//    (axe: scrollable-region-focusable).
document.addEventListener("DOMContentLoaded", function () {
  var zh = document.documentElement.lang.indexOf("zh") === 0;
  document.querySelectorAll('.md-search[role="dialog"]').forEach(function (el) {
    el.setAttribute("aria-label", zh ? "搜索" : "Search");
  });
  var label = zh ? "表格（可左右滚动）" : "Table (scrolls sideways)";
  function mark() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", label);
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  mark();
  window.addEventListener("resize", mark);
});
