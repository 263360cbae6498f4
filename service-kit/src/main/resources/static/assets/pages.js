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

  // A fragment marked data-keep-drafts (an edit form) is also held while any of its fields differs from the value
  // the server rendered, focused or not: the new values would overwrite the user's draft. Its [data-stale-notice]
  // then says the deal changed, and its [data-reload-values] button fetches the new values, dropping the draft.
  function changed(field) {
    if (field.type === "hidden" || field.type === "submit" || field.type === "button" || field.disabled) {
      return false;
    }
    if (field.type === "checkbox" || field.type === "radio") {
      return field.checked !== field.defaultChecked;
    }
    if (field.tagName === "SELECT") {
      return field.selectedIndex !== defaultIndex(field);
    }
    return typeof field.value === "string" && field.value !== field.defaultValue;
  }

  function defaultIndex(select) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].defaultSelected) {
        return i;
      }
    }
    return 0;
  }

  function dirty(fragment) {
    return fragment.hasAttribute("data-keep-drafts")
      && Array.prototype.some.call(fragment.querySelectorAll("input, textarea, select"), changed);
  }

  function held(fragment) {
    return typingIn(fragment) || dirty(fragment);
  }

  // A refresh asked for (the user left the fragment, or pressed Reload values) is not held again.
  function refresh(fragment) {
    fragment.removeAttribute("data-stale");
    fragment.setAttribute("data-refreshing", "true");
    window.htmx.ajax("GET", fragment.getAttribute("hx-get"), {target: fragment, swap: "outerHTML"});
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var fragment = event.detail.elt;
    if (fragment.hasAttribute("hx-get") && !fragment.hasAttribute("data-refreshing") && held(fragment)) {
      event.preventDefault();
      fragment.setAttribute("data-stale", "true");
      var notice = dirty(fragment) && fragment.querySelector("[data-stale-notice]");
      if (notice) {
        notice.hidden = false;
      }
    }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-reload-values]");
    var fragment = button && button.closest("[hx-get]");
    if (fragment && window.htmx) {
      refresh(fragment);
    }
  });

  document.addEventListener("focusout", function (event) {
    var fragment = event.target.closest && event.target.closest("[data-stale]");
    if (!fragment || !window.htmx || (event.relatedTarget && fragment.contains(event.relatedTarget))) {
      return; // still working in the fragment, e.g. pressing its form's button
    }
    setTimeout(function () {
      if (fragment.isConnected && !held(fragment)) {
        refresh(fragment);
      }
    }, 0);
  });

  // A change heard while a live fragment is fetching itself would be lost: htmx queues the second fetch on the
  // fragment, the first answer replaces that fragment (outerHTML), and a queued fetch of a removed element never
  // runs; the new fragment listens only once htmx has settled it. So a change heard while a fetch is in flight, or
  // just after one answered, is followed by one more fetch of every live fragment once all fetches have answered.
  var LIVE = /deal-changed/;
  var SETTLING_MS = 200;
  /** A fetch that has not answered after this is given up on here (htmx has its own timeout). */
  var STUCK_MS = 15000;
  var fetching = new Map(); // the live fragments' requests in flight: xhr -> when it started
  var answeredAt = 0;
  var catchUp = null;

  function live(element) {
    return element && element.getAttribute && element.hasAttribute("hx-get")
      && LIVE.test(element.getAttribute("hx-trigger") || "");
  }

  // The element that asked: htmx re-fires afterRequest on a parent when the answer removed the element, with that
  // parent as detail.elt; the request's own config keeps the element.
  function requester(event) {
    var config = event.detail.requestConfig;
    return config && config.elt ? config.elt : event.detail.elt;
  }

  // registered after the typing guard above: a fetch it held back is not in flight
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (!event.defaultPrevented && live(requester(event)) && event.detail.xhr) {
      fetching.set(event.detail.xhr, Date.now());
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.xhr && fetching.delete(event.detail.xhr)) {
      answeredAt = Date.now();
    }
  });

  function busy() {
    var now = Date.now();
    fetching.forEach(function (startedAt, xhr) {
      if (now - startedAt > STUCK_MS) {
        fetching.delete(xhr);
      }
    });
    return fetching.size > 0 || now - answeredAt < SETTLING_MS;
  }

  function fetchAllAgain() {
    if (busy()) {
      catchUp = setTimeout(fetchAllAgain, SETTLING_MS);
      return;
    }
    catchUp = null;
    document.querySelectorAll("[hx-get][hx-trigger]").forEach(function (fragment) {
      if (live(fragment)) {
        window.htmx.ajax("GET", fragment.getAttribute("hx-get"),
          {source: fragment, target: fragment, swap: "outerHTML"});
      }
    });
  }

  function heardChange() {
    if (catchUp === null && busy()) {
      catchUp = setTimeout(fetchAllAgain, SETTLING_MS);
    }
    window.htmx.trigger(document.body, "deal-changed");
  }

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
        heardChange();
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
