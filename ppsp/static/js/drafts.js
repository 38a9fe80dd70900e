/* Drafts of long text (textareas of POST forms) kept in this browser, so that text typed
   while the session expired is not lost.

   Each textarea's text is saved to localStorage under (user, form action, field name) as it
   is typed. When the form is submitted the drafts are marked pending: if the next page is
   the login page (the session had expired) they are kept, the login returns to the page
   that holds the form (not to the URL the form posts to), and the text is restored there
   with a notice; on any other page (saved, or shown again with the text and its errors)
   they are removed. Drafts older than seven days are
   dropped. A textarea or form with data-no-draft is left alone. */
(function () {
  "use strict";
  var PREFIX = "ppsp-draft|";
  var PENDING = "ppsp-draft-pending";
  var MAX_AGE = 7 * 24 * 3600 * 1000;
  var store;
  try {
    store = window.localStorage;
    store.setItem(PREFIX + "probe", "1");
    store.removeItem(PREFIX + "probe");
  } catch (e) {
    return; // storage disabled: nothing to do
  }
  var user = document.body.getAttribute("data-user") || "";
  var onLoginPage = !!document.querySelector("form[data-login]");

  function read(key) {
    try {
      var draft = JSON.parse(store.getItem(key) || "null");
      return draft && typeof draft.v === "string" ? draft : null;
    } catch (e) {
      return null;
    }
  }

  function pending() {
    try {
      var value = JSON.parse(window.sessionStorage.getItem(PENDING) || "{}");
      return { keys: Array.isArray(value.keys) ? value.keys : [], page: String(value.page || "") };
    } catch (e) {
      return { keys: [], page: "" };
    }
  }

  // 1. Housekeeping: drop old drafts; settle the drafts of the last submitted form.
  var now = Date.now();
  for (var i = store.length - 1; i >= 0; i--) {
    var name = store.key(i);
    if (name && name.indexOf(PREFIX) === 0) {
      var old = read(name);
      if (!old || now - old.t > MAX_AGE) store.removeItem(name);
    }
  }
  var submitted = pending();
  window.sessionStorage.removeItem(PENDING);
  if (onLoginPage && submitted.page.charAt(0) === "/" && submitted.page.charAt(1) !== "/") {
    var next = document.querySelector("form[data-login] input[name=next]");
    if (next) next.value = submitted.page; // back to the form, where the draft is restored
  } else if (!onLoginPage && user) {
    submitted.keys.forEach(function (key) { store.removeItem(key); });
  }
  if (!user) return; // only signed-in users keep drafts

  function keyFor(form, field) {
    var action = new URL(form.getAttribute("action") || window.location.href, window.location.href);
    return PREFIX + user + "|" + action.pathname + action.search + "|" + field.name;
  }

  function notice(form, fields) {
    var template = document.getElementById("draft-notice");
    if (!template || form.querySelector(".draft-notice")) return;
    var box = template.content.firstElementChild.cloneNode(true);
    box.querySelector("[data-draft-discard]").addEventListener("click", function () {
      fields.forEach(function (field) {
        field.value = field.defaultValue;
        store.removeItem(keyFor(form, field));
      });
      box.remove();
    });
    form.insertBefore(box, form.firstChild);
  }

  document.querySelectorAll("form").forEach(function (form) {
    if ((form.getAttribute("method") || "").toLowerCase() !== "post") return;
    if (form.hasAttribute("data-no-draft") || form.hasAttribute("data-login")) return;
    var fields = Array.prototype.filter.call(form.querySelectorAll("textarea[name]"), function (f) {
      return !f.hasAttribute("data-no-draft");
    });
    if (!fields.length) return;
    var restored = [];
    fields.forEach(function (field) {
      var key = keyFor(form, field);
      var draft = read(key);
      if (draft && draft.v !== field.value) {
        field.value = draft.v;
        restored.push(field);
      } else if (draft) {
        store.removeItem(key);
      }
      var timer = null;
      function save() {
        timer = null;
        if (field.value === field.defaultValue) {
          store.removeItem(key);
        } else {
          try {
            store.setItem(key, JSON.stringify({ v: field.value, t: Date.now() }));
          } catch (e) { /* quota full: keep typing, nothing saved */ }
        }
      }
      field.addEventListener("input", function () {
        if (timer) clearTimeout(timer);
        timer = setTimeout(save, 300);
      });
      field.addEventListener("change", save);
      field._ppspSave = save;
    });
    if (restored.length) notice(form, restored);
    form.addEventListener("submit", function () {
      var keys = fields.map(function (field) {
        field._ppspSave();
        return keyFor(form, field);
      });
      var page = window.location.pathname + window.location.search;
      window.sessionStorage.setItem(PENDING, JSON.stringify({ keys: keys, page: page }));
    });
  });
})();
