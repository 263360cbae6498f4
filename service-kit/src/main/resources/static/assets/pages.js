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

  // A fragment is not refreshed under the user's fingers: while an input inside it holds typed text, the refresh
  // waits until the user leaves that input (or sends the form, which reloads the page anyway).
  function typingIn(fragment) {
    var active = document.activeElement;
    return active && fragment.contains(active) && typeof active.value === "string" && active.value.length > 0;
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var fragment = event.detail.elt;
    if (fragment.hasAttribute("hx-get") && typingIn(fragment)) {
      event.preventDefault();
      fragment.setAttribute("data-stale", "true");
    }
  });

  document.addEventListener("focusout", function (event) {
    var fragment = event.target.closest && event.target.closest("[data-stale]");
    if (!fragment || !window.htmx || (event.relatedTarget && fragment.contains(event.relatedTarget))) {
      return; // still working in the fragment, e.g. pressing its form's button
    }
    setTimeout(function () {
      if (fragment.isConnected && !typingIn(fragment)) {
        fragment.removeAttribute("data-stale");
        window.htmx.ajax("GET", fragment.getAttribute("hx-get"), {target: fragment, swap: "outerHTML"});
      }
    }, 0);
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
