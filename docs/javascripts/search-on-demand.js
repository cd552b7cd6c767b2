// The site's search index (search/search_index.json: every page of both languages, about
// 3.5 MB) is fetched by the theme as soon as any page opens. This holds back that one
// request until the reader opens the search: the search field gets focus (a click, or the
// theme's "/", "s" and "f" keys) or the search toggle is switched on, or the page was
// opened from a search result (?h=, the theme's highlighting) or a search link (?q=).
// Every other page, a check-up above all, then costs only what it shows. It runs before
// the theme's script (overrides/main.html) and changes no other request.
(function () {
  "use strict";
  var proto = XMLHttpRequest.prototype, open = proto.open, send = proto.send;
  var held = new WeakSet(), waiting = [], wanted = false;
  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  proto.open = function (method, url) {
    if (/(^|\/)search\/search_index\.json(\?|$)/.test(String(url))) held.add(this);
    else held.delete(this);
    return open.apply(this, arguments);
  };
  proto.send = function () {
    var xhr = this, args = arguments;
    if (!wanted && held.has(xhr)) {
      waiting.push(function () { send.apply(xhr, args); });
      return undefined;
    }
    return send.apply(xhr, args);
  };
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest("form[name=search]")) want();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) want();
  });
  if (/[?&][hq]=/.test(location.search)) want();
})();
