/**
 * The enhancement script (`assets/app.js`). Pages are complete without it; with it a reader gets
 * a select that jumps to a unit, styled tooltips on chart marks, and a print button on the brief.
 * Plain ES5-level browser code, kept as text: it is served as is.
 */
export const APP_JS = `(function () {
  "use strict";
  var doc = document;
  doc.documentElement.className += " js";

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

  // Print button of the brief.
  var printers = doc.querySelectorAll("[data-print]");
  for (var p = 0; p < printers.length; p++) {
    printers[p].addEventListener("click", function () {
      window.print();
    });
  }
})();
`;
