/**
 * The enhancement script (`assets/app.js`). Pages are complete without it; with it a reader gets
 * who is signed in and the server's pages their role may use (the built pages are the same for
 * everyone, so the script asks the server, `api/whoami`; opened from disk, it says those pages need
 * the server), a select that jumps to a unit, the alerts' filters, styled tooltips on chart marks,
 * and a print button on the brief. Plain ES5-level browser code, kept as text: it is served as is.
 */
export const APP_JS = `(function () {
  "use strict";
  var doc = document;
  doc.documentElement.className += " js";

  // Who is reading: asked of the server that served the page; from disk there is none to ask.
  var session = doc.querySelector("[data-who=runtime]");
  if (session) {
    var offline = function () {
      var note = session.querySelector(".offline-note");
      if (note) note.hidden = false;
    };
    var signedIn = function (who) {
      var zh = doc.documentElement.lang !== "en";
      var words = [who.label, who.role_name && (zh ? who.role_name.zh : who.role_name.en), who.unit_name && (zh ? who.unit_name.zh : who.unit_name.en)];
      var shown = [];
      for (var w = 0; w < words.length; w++) if (words[w]) shown.push(words[w]);
      session.querySelector("[data-who-text]").textContent = shown.join(" · ");
      var gated = doc.querySelectorAll(".site-nav [data-roles]");
      for (var g = 0; g < gated.length; g++) {
        if ((" " + gated[g].getAttribute("data-roles") + " ").indexOf(" " + who.role + " ") >= 0) gated[g].hidden = false;
      }
      var logout = session.querySelector("form.logout");
      if (logout) logout.hidden = false;
    };
    if (/^https?:$/.test(location.protocol) && window.fetch) {
      var rootMeta = doc.querySelector("meta[name=jobtrack-root]");
      var root = rootMeta ? rootMeta.getAttribute("content") : "";
      fetch(root + "api/whoami", { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (who) {
          if (who && who.role) signedIn(who);
          else offline();
        }, offline);
    } else {
      offline();
    }
  }

  // A select that jumps to a unit, above each list of unit links.
  var switchers = doc.querySelectorAll("[data-unit-switcher]");
  for (var i = 0; i < switchers.length; i++) {
    var nav = switchers[i];
    var links = nav.querySelectorAll("a[href]");
    if (links.length === 0) continue;
    var label = doc.createElement("label");
    label.className = "switcher";
    label.appendChild(doc.createTextNode(nav.getAttribute("data-label") || ""));
    var select = doc.createElement("select");
    var blank = doc.createElement("option");
    blank.value = "";
    blank.textContent = "—";
    select.appendChild(blank);
    for (var j = 0; j < links.length; j++) {
      var option = doc.createElement("option");
      option.value = links[j].getAttribute("href");
      option.textContent = links[j].textContent;
      if (links[j].getAttribute("aria-current") === "page") option.selected = true;
      select.appendChild(option);
    }
    select.addEventListener("change", function (event) {
      var target = event.target.value;
      if (target) window.location.href = target;
    });
    label.appendChild(select);
    nav.parentNode.insertBefore(label, nav);
  }

  // Tooltips: the <title> of each chart mark becomes a styled tip that follows the pointer.
  var tip = doc.createElement("div");
  tip.className = "tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  doc.body.appendChild(tip);
  var svgs = doc.querySelectorAll(".chart svg");
  for (var k = 0; k < svgs.length; k++) {
    var titles = svgs[k].querySelectorAll("title");
    for (var n = 0; n < titles.length; n++) {
      var t = titles[n];
      if (t.parentNode === svgs[k]) continue;
      t.parentNode.setAttribute("data-tip", t.textContent);
      t.parentNode.removeChild(t);
    }
    svgs[k].addEventListener("mousemove", function (event) {
      var el = event.target;
      var text = el && el.getAttribute ? el.getAttribute("data-tip") : null;
      if (!text) {
        tip.hidden = true;
        return;
      }
      tip.textContent = text;
      tip.hidden = false;
      tip.style.left = event.pageX + 12 + "px";
      tip.style.top = event.pageY + 12 + "px";
    });
    svgs[k].addEventListener("mouseleave", function () {
      tip.hidden = true;
    });
  }

  // The alerts' filters: type, target, unit and rank, kept in the address's fragment.
  var form = doc.querySelector("[data-alert-filters]");
  var list = doc.querySelector("[data-alert-list]");
  if (form && list) {
    var names = ["type", "metric", "unit", "severity"];
    var has = function (el, name, value) {
      return (" " + (el.getAttribute("data-" + name) || "") + " ").indexOf(" " + value + " ") >= 0;
    };
    var chosen = function () {
      var out = {};
      for (var c = 0; c < names.length; c++) out[names[c]] = form.elements[names[c]].value;
      return out;
    };
    var fits = function (el, choice) {
      for (var f = 0; f < names.length; f++) {
        if (choice[names[f]] && !has(el, names[f], choice[names[f]])) return false;
      }
      return true;
    };
    var apply = function () {
      var choice = chosen();
      var shown = 0;
      var total = 0;
      var entries = list.children;
      for (var e = 0; e < entries.length; e++) {
        var entry = entries[e];
        if (entry.hasAttribute("data-group")) {
          var members = entry.querySelectorAll("li.alert");
          var inside = 0;
          for (var m = 0; m < members.length; m++) {
            var fit = fits(members[m], choice);
            members[m].hidden = !fit;
            if (fit) inside++;
          }
          entry.hidden = inside === 0;
          shown += inside;
          total += members.length;
        } else {
          entry.hidden = !fits(entry, choice);
          if (!entry.hidden) shown++;
          total++;
        }
      }
      var count = form.querySelector(".filter-count");
      count.textContent = count.getAttribute("data-template").replace("{shown}", shown).replace("{total}", total);
      var empty = doc.querySelector("[data-filter-empty]");
      if (empty) empty.hidden = shown > 0;
      var parts = [];
      for (var q = 0; q < names.length; q++) {
        if (choice[names[q]]) parts.push(names[q] + "=" + encodeURIComponent(choice[names[q]]));
      }
      try {
        history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
      } catch (ignored) {
        // a page opened from disk may refuse; the filter still applies
      }
    };
    var fragment = location.hash.replace(/^#/, "").split("&");
    for (var h = 0; h < fragment.length; h++) {
      var pair = fragment[h].split("=");
      var field = form.elements[pair[0]];
      if (field && names.indexOf(pair[0]) >= 0) field.value = decodeURIComponent(pair[1] || "");
    }
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      for (var r = 0; r < names.length; r++) form.elements[names[r]].value = "";
      apply();
    });
    apply();
  }

  // A line above each box that scrolls sideways, shown while its content does not fit.
  var hints = doc.querySelectorAll("[data-scroll-hint]");
  var fitHints = function () {
    for (var s = 0; s < hints.length; s++) {
      var box = hints[s].nextElementSibling;
      if (box) hints[s].hidden = box.scrollWidth <= box.clientWidth + 1;
    }
  };
  if (hints.length > 0) {
    fitHints();
    window.addEventListener("resize", fitHints);
  }

  // Print button of the brief.
  var printers = doc.querySelectorAll("[data-print]");
  for (var p = 0; p < printers.length; p++) {
    printers[p].addEventListener("click", function () {
      window.print();
    });
  }
})();
`;
