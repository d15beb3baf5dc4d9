// The live part of a tracking page: ask for the view's version, swap the part in when it changes,
// and when the ticket is called say so loudly (vibration and a tone where the phone allows them).
"use strict";
(function () {
  var live = document.getElementById("live");
  if (!live || !window.fetch) { return; }
  var note = document.getElementById("live-note");
  if (note && note.dataset.live) { note.textContent = note.dataset.live; }
  var code = live.dataset.code;
  var version = live.dataset.version;
  var poll = Math.max(200, parseInt(live.dataset.poll, 10) || 700);
  var lang = live.dataset.lang ? "?lang=" + encodeURIComponent(live.dataset.lang) : "";
  var state = (live.querySelector(".ticket") || {}).className || "";
  var busy = false;

  function editing() {
    // Never replace a rating form the resident has started to fill in.
    var active = document.activeElement;
    if (active && live.contains(active) && active.form) { return true; }
    return Array.prototype.some.call(live.querySelectorAll("form input"), function (el) { return el.checked; });
  }

  function alertCalled(fragment) {
    if (fragment.dataset.state !== "called" || state.indexOf("state-called") >= 0) { return; }
    if (navigator.vibrate) { try { navigator.vibrate([400, 150, 400, 150, 400]); } catch (e) { /* not allowed */ } }
    try {
      // A short tone; phones that allow sound only after a tap simply stay silent.
      var Sound = window.AudioContext || window.webkitAudioContext;
      var tone = new Sound();
      var beep = tone.createOscillator();
      beep.frequency.value = 880;
      beep.connect(tone.destination);
      beep.start();
      beep.stop(tone.currentTime + 0.4);
    } catch (e) { /* no sound here */ }
    var called = live.querySelector(".called");
    if (called) { document.title = called.textContent; }
  }

  function swap() {
    return fetch("/track/" + encodeURIComponent(code) + "/live" + lang, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fragment = holder.firstElementChild;
        if (!fragment) { return; }
        version = fragment.dataset.version;
        live.innerHTML = fragment.innerHTML;
        alertCalled(fragment);
        state = (live.querySelector(".ticket") || {}).className || "";
      });
  }

  function tick() {
    if (busy) { return; }
    busy = true;
    fetch("/api/track/" + encodeURIComponent(code), { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (view) {
        if (view && view.version !== version && !editing()) { return swap(); }
      })
      .catch(function () { /* offline for a moment: try again at the next tick */ })
      .then(function () { busy = false; });
  }

  setInterval(tick, poll);
})();
