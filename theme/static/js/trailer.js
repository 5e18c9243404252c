/* Click-to-play trailers: nothing loads from YouTube until the reader asks. */
document.querySelectorAll("[data-trailer]").forEach(function (box) {
  var link = box.querySelector("a[href]"), button = document.createElement("button");
  if (!link || !box.dataset.embed) return;
  button.type = "button";
  button.className = link.className;
  button.append.apply(button, link.childNodes);
  var label = button.querySelector("[data-trailer-label]");
  if (label) label.replaceChildren("Play the trailer", label.querySelector(".visually-hidden") || "");
  link.replaceWith(button);
  button.addEventListener("click", function () {
    var frame = document.createElement("iframe");
    frame.className = "trailer__frame";
    frame.src = box.dataset.embed;
    frame.title = box.dataset.title || "Trailer";
    frame.width = 560;
    frame.height = 315;
    frame.allow = "autoplay; encrypted-media; picture-in-picture";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    button.replaceWith(frame);
    frame.focus();
  });
});
