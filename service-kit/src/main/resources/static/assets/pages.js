// Progressive enhancement for the server-rendered pages: everything works as plain forms and links; with
// JavaScript, htmx swaps fragments and server-sent events refresh what changed elsewhere.
(function () {
  "use strict";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  // htmx requests carry the CSRF token as a header (plain forms carry the hidden _csrf input).
  document.addEventListener("htmx:configRequest", function (event) {
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  // <body data-events="/deals/x/events">: every event the server sends fires "deal-changed" on the body, and the
  // fragments with hx-trigger="deal-changed from:body" fetch themselves again. EventSource reconnects by itself.
  document.addEventListener("DOMContentLoaded", function () {
    var url = document.body.getAttribute("data-events");
    if (!url || !window.EventSource) {
      return;
    }
    var source = new EventSource(url);
    source.addEventListener("deal-changed", function () {
      if (window.htmx) {
        window.htmx.trigger(document.body, "deal-changed");
      }
    });
    source.addEventListener("open", function () {
      document.body.setAttribute("data-live", "connected");
    });
    window.addEventListener("pagehide", function () {
      source.close();
    });
  });
})();
