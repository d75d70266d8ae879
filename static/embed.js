// Slope's resizer: include once on a page with Slope iframes, and each is sized to its
// content from its own slope:height messages. No dependencies.
(function () {
  if (window.slopeResizer) return;
  window.slopeResizer = 1;
  addEventListener("message", function (e) {
    var d = e.data;
    if (!d || d.type !== "slope:height" || typeof d.height !== "number" || !(d.height > 0)) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        frames[i].style.height = Math.min(Math.ceil(d.height), 20000) + "px";
        return;
      }
    }
  });
})();
