// Site-local script (nothing is loaded from elsewhere): a printed page's footer shows the
// address it was printed from.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".print-url").forEach(function (el) {
    el.textContent = window.location.href.split("#")[0];
  });
});
