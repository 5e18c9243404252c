/* Comments on request: giscus or Disqus load only after "Show comments". */
(function () {
  "use strict";
  var GISCUS = {
    mapping: "pathname", strict: "0", "reactions-enabled": "1", "emit-metadata": "0",
    "input-position": "bottom", theme: "preferred_color_scheme", loading: "lazy"
  };
  Array.prototype.forEach.call(document.querySelectorAll("[data-comments]"), function (box) {
    var button = box.querySelector("[data-comments-load]");
    var target = box.querySelector("[data-comments-target]");
    if (!button || !target) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var data = box.dataset;
      var script = document.createElement("script");
      script.async = true;
      if (data.comments === "giscus") {
        var options = {}, own = JSON.parse(data.giscus || "{}"), key;
        options.lang = document.documentElement.lang || "en";
        for (key in GISCUS) options[key] = GISCUS[key];
        for (key in own) options[key.replace(/_/g, "-")] = String(own[key]);
        for (key in options) script.setAttribute("data-" + key, options[key]);
        script.src = "https://giscus.app/client.js";
        script.crossOrigin = "anonymous";
        target.appendChild(script);
      } else {
        var url = data.url || location.href.split("#")[0];
        window.disqus_config = function () {
          this.page.url = url;
          this.page.identifier = data.identifier || url;
        };
        script.src = "https://" + data.shortname + ".disqus.com/embed.js";
        script.setAttribute("data-timestamp", String(Date.now()));
        document.body.appendChild(script);
      }
      button.remove();
      box.focus();
    });
  });
})();
