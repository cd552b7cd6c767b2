// The check-up launcher (site-local; acts only on pages with a .checkup-launch block).
// Pressing Start loads the self-hosted JupyterLite app into the frame, shows progress
// while the Python runtime starts, and removes the message once the form is ready.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".checkup-launch").forEach(function (box) {
    var button = box.querySelector("button");
    var frame = box.querySelector("iframe");
    var status = box.querySelector(".checkup-progress");
    var zh = document.documentElement.lang.indexOf("zh") === 0;
    var stages = zh
      ? ["正在加载应用…", "正在启动 Python 运行环境…", "正在准备表单…"]
      : ["Loading the app…", "Starting the Python runtime…", "Preparing the form…"];
    button.addEventListener("click", function () {
      button.hidden = true;
      status.hidden = false;
      frame.hidden = false;
      status.focus(); // the button is gone: keep the keyboard focus here, not at the top of the page
      frame.src = box.getAttribute("data-src");
      var began = Date.now();
      var timer = setInterval(function () {
        var doc = null;
        try { doc = frame.contentDocument; } catch (e) { doc = null; }
        var stage = 0;
        if (doc && doc.querySelector(".jp-CodeConsole, .jp-Notebook")) stage = 1;
        if (doc && doc.querySelector(".jp-OutputArea-output")) stage = 2;
        var ready = doc && doc.querySelector(".widget-button, .jupyter-button");
        var seconds = Math.round((Date.now() - began) / 1000);
        if (ready) {
          clearInterval(timer);
          status.textContent = (zh ? "已就绪（用时 " : "Ready (") + seconds + (zh ? " 秒）" : " s)");
          status.classList.add("checkup-ready");
          return;
        }
        status.textContent = stages[stage] + " " + seconds + (zh ? " 秒" : " s");
      }, 500);
    });
  });
});
