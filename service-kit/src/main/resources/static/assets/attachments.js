// Note editors with files (forms marked data-upload), on top of plain multipart forms that work without script:
// files can be dropped on the drop zone and are listed there ([data-chosen-files]); each chosen file is checked
// against the field's size limit and accepted types before anything is sent (the server checks again, by content); a form with files is sent by XHR so a
// progress bar shows how much has gone (its value and aria-valuenow; the form's data-upload-state says sending,
// sent, refused or failed); the answer is shown as the server rendered it (the tab after a redirect,
// or the form with the refusal next to its field). Forms marked data-confirm ask first.
(function () {
  "use strict";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  function errorOf(input) {
    var zone = input.closest("[data-drop-zone]");
    return zone ? zone.querySelector("[data-file-error]") : null;
  }

  function accepts(input, file) {
    var accept = (input.getAttribute("accept") || "").split(",").map(function (t) { return t.trim(); })
      .filter(Boolean);
    return accept.length === 0 || accept.indexOf(file.type) >= 0;
  }

  // The first refused file's message, or null when all may be sent.
  function refusal(input) {
    var max = Number(input.getAttribute("data-max-bytes") || 0);
    for (var i = 0; i < input.files.length; i++) {
      var file = input.files[i];
      if (max > 0 && file.size > max) {
        return input.getAttribute("data-error-too-large").replace("{file}", file.name);
      }
      if (file.type && !accepts(input, file)) {
        return input.getAttribute("data-error-type").replace("{file}", file.name);
      }
    }
    return null;
  }

  function size(bytes) {
    if (bytes >= 1048576) {
      return (bytes / 1048576).toFixed(1) + " MB";
    }
    return bytes >= 1024 ? Math.round(bytes / 1024) + " KB" : bytes + " B";
  }

  // The zone's list of the files that will be sent (a dropped file shows nowhere else: the field may not say it).
  function list(input) {
    var zone = input.closest("[data-drop-zone]");
    var chosen = zone ? zone.querySelector("[data-chosen-files]") : null;
    if (!chosen) {
      return;
    }
    chosen.textContent = "";
    for (var i = 0; i < input.files.length; i++) {
      var item = document.createElement("li");
      item.setAttribute("data-testid", "chosen-file");
      item.textContent = input.files[i].name + " (" + size(input.files[i].size) + ")";
      chosen.appendChild(item);
    }
    chosen.hidden = input.files.length === 0;
  }

  function showProgress(progress, percent) {
    progress.value = percent;
    progress.setAttribute("aria-valuenow", String(percent));
  }

  function check(input) {
    list(input);
    var message = refusal(input);
    var error = errorOf(input);
    if (error) {
      error.textContent = message || "";
    }
    input.setAttribute("aria-invalid", message ? "true" : "false");
    return message === null;
  }

  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("[data-upload] input[type=file]")) {
      check(event.target);
    }
  });

  ["dragenter", "dragover"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var zone = event.target.closest && event.target.closest("[data-drop-zone]");
      if (zone) {
        event.preventDefault();
        zone.classList.add("dragging");
      }
    });
  });
  document.addEventListener("dragleave", function (event) {
    var zone = event.target.closest && event.target.closest("[data-drop-zone]");
    if (zone && !zone.contains(event.relatedTarget)) {
      zone.classList.remove("dragging");
    }
  });
  document.addEventListener("drop", function (event) {
    var zone = event.target.closest && event.target.closest("[data-drop-zone]");
    if (!zone) {
      return;
    }
    event.preventDefault();
    zone.classList.remove("dragging");
    var input = zone.querySelector("input[type=file]");
    if (input && event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      check(input);
    }
  });

  function replaceMain(html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var fresh = page.getElementById("main");
    var main = document.getElementById("main");
    if (!fresh || !main) {
      document.documentElement.innerHTML = page.documentElement.innerHTML;
      return;
    }
    main.replaceWith(fresh);
    if (window.htmx) {
      window.htmx.process(fresh);
    }
    var invalid = fresh.querySelector("[aria-invalid=true]");
    if (invalid) {
      invalid.focus();
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("data-confirm") && !window.confirm(form.getAttribute("data-confirm"))) {
      event.preventDefault();
      return;
    }
    if (!form.hasAttribute("data-upload") || !window.FormData) {
      return;
    }
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[type=file]"));
    var hasFiles = inputs.some(function (input) { return input.files && input.files.length > 0; });
    if (!hasFiles) {
      return; // a plain post
    }
    event.preventDefault();
    if (!inputs.every(check)) {
      return;
    }
    var progress = form.querySelector("[data-upload-progress]");
    var button = form.querySelector("button[type=submit]");
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token) {
      xhr.setRequestHeader(header, token);
    }
    if (progress) {
      progress.hidden = false;
      showProgress(progress, 0);
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          showProgress(progress, Math.round(100 * e.loaded / e.total));
        }
      });
      // all sent: the bar ends full even when the browser reported no progress for a small body
      xhr.upload.addEventListener("load", function () {
        showProgress(progress, 100);
      });
    }
    form.setAttribute("data-upload-state", "sending");
    if (button) {
      button.disabled = true;
    }
    xhr.addEventListener("load", function () {
      form.setAttribute("data-upload-state", xhr.status < 400 ? "sent" : "refused");
      if (xhr.status < 400) {
        window.location.assign(xhr.responseURL || window.location.href);
      } else {
        replaceMain(xhr.responseText);
      }
    });
    xhr.addEventListener("error", function () {
      form.setAttribute("data-upload-state", "failed");
      if (button) {
        button.disabled = false;
      }
      if (progress) {
        progress.hidden = true;
      }
    });
    xhr.send(new FormData(form));
  });
})();
