// The live editor: checks the text as the writer types (debounced), highlights each
// finding in place and lists it in the side panel.  Every string from the article or
// the server is set with textContent: nothing is parsed as HTML.
"use strict";

(function () {
  const DELAY_MS = 350;
  const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };
  const CLAIMS = new Set(["CLM001", "CLM002", "CLM004", "CLM006"]);
  const $ = (id) => document.getElementById(id);
  const text = $("text");
  const backdrop = $("backdrop");
  const lang = $("lang");
  const format = $("format");
  const status = $("status");
  const list = $("findings");
  let timer = null;
  let sequence = 0;
  let shown = [];

  function say(message, problem) {
    status.textContent = message;
    status.classList.toggle("problem", Boolean(problem));
  }

  // Offsets in the textarea (UTF-16 units) of a 1-based line and code-point column.
  function offsets(value) {
    const starts = [0];
    for (let i = 0; i < value.length; i++) if (value[i] === "\n") starts.push(i + 1);
    return function at(line, column) {
      if (line < 1 || line > starts.length) return null;
      let offset = starts[line - 1];
      const end = line < starts.length ? starts[line] - 1 : value.length;
      for (let n = 1; n < column && offset < end; n++) {
        const code = value.codePointAt(offset);
        offset += code > 0xffff ? 2 : 1;
      }
      return offset;
    };
  }

  function placed(findings, value) {
    const at = offsets(value);
    return findings.map((finding, index) => {
      if (finding.line === null) return { finding, index, start: null, end: null };
      const start = at(finding.line, finding.column || 1);
      let end = at(finding.end_line || finding.line, finding.end_column || finding.column || 1);
      if (start !== null && (end === null || end <= start)) end = start + 1;
      return { finding, index, start, end };
    });
  }

  function paint(items, value) {
    const cuts = new Set([0, value.length]);
    for (const item of items) {
      if (item.start !== null) { cuts.add(item.start); cuts.add(Math.min(item.end, value.length)); }
    }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const pieces = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i], to = points[i + 1];
      let best = null;
      for (const item of items) {
        if (item.start === null || item.start > from || item.end < to) continue;
        if (best === null || SEVERITY_RANK[item.finding.severity] > SEVERITY_RANK[best.finding.severity]) best = item;
      }
      const piece = value.slice(from, to);
      if (best === null) {
        pieces.push(document.createTextNode(piece));
      } else {
        const mark = document.createElement("mark");
        mark.className = "sev-" + best.finding.severity;
        mark.textContent = piece;
        pieces.push(mark);
      }
    }
    // a last line break needs something after it to take up its line
    pieces.push(document.createTextNode("\n "));
    backdrop.replaceChildren(...pieces);
    backdrop.scrollTop = text.scrollTop;
  }

  function describe(item) {
    const finding = item.finding;
    const li = document.createElement("li");
    li.className = "sev-" + finding.severity;
    li.dataset.code = finding.code;
    const button = document.createElement("button");
    button.type = "button";
    const severity = document.createElement("span");
    severity.className = "severity";
    severity.textContent = finding.severity[0].toUpperCase() + finding.severity.slice(1);
    const where = finding.line === null ? "whole article" : "line " + finding.line;
    button.append(severity, " " + finding.code + " (" + where + "): " + finding.message);
    if (item.start === null) {
      button.disabled = true;
    } else {
      button.addEventListener("click", () => {
        text.focus();
        text.setSelectionRange(item.start, item.end);
      });
    }
    li.append(button);
    if (finding.suggestion) {
      const hint = document.createElement("p");
      hint.className = "hint";
      hint.textContent = "Try: " + finding.suggestion;
      li.append(hint);
    }
    const swaps = (finding.details && finding.details.replacements) || [];
    if (item.start !== null && swaps.length && finding.text) {
      const apply = document.createElement("button");
      apply.type = "button";
      apply.className = "apply";
      apply.textContent = "Replace with \u201c" + swaps[0] + "\u201d";
      apply.addEventListener("click", () => {
        if (text.value.slice(item.start, item.end) !== finding.text) {
          say("The text changed there since the check: nothing was replaced.", true);
          return;
        }
        text.focus();
        text.setRangeText(swaps[0], item.start, item.end, "end");
        text.dispatchEvent(new Event("input"));
      });
      li.append(apply);
    }
    const about = document.createElement("a");
    about.href = "/rules/" + encodeURIComponent(finding.code);
    about.target = "_blank";
    about.rel = "noopener";
    about.textContent = "About " + finding.code + " " + finding.name;
    li.append(about);
    return li;
  }

  function show(article, value) {
    const metrics = article.metrics || {};
    $("grade").textContent = metrics.grade === null || metrics.grade === undefined
      ? "-" : String(metrics.grade) + " (target " + metrics.target_grade + ")";
    $("complex").textContent = metrics.complex_language_percent === null
      || metrics.complex_language_percent === undefined
      ? "-" : metrics.complex_language_percent + "%";
    $("words").textContent = String(metrics.words ?? "-");
    $("claims").textContent = String(article.findings.filter((f) => CLAIMS.has(f.code)).length);
    shown = placed(article.findings, value);
    paint(shown, value);
    list.replaceChildren(...shown.map(describe));
    $("count").textContent = "(" + shown.length + ")";
    $("empty").hidden = shown.length > 0;
    say("Checked as " + (article.lang || "an unknown language") + ": " + shown.length
      + (shown.length === 1 ? " finding." : " findings."));
  }

  // The server's JSON answer, or an error object when it answered something else.
  async function answerOf(response) {
    try {
      return await response.json();
    } catch (error) {
      return { error: "The checker answered " + response.status + " " + response.statusText + "." };
    }
  }

  function request() {
    return JSON.stringify({ text: text.value, lang: lang.value, format: format.value });
  }

  async function check() {
    const mine = ++sequence;
    const value = text.value;
    if (!value.trim()) {
      shown = [];
      paint([], value);
      list.replaceChildren();
      $("empty").hidden = false;
      $("count").textContent = "";
      say("");
      return;
    }
    say("Checking...");
    let response;
    try {
      response = await fetch("/api/check", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: request(),
      });
    } catch (error) {
      if (mine === sequence) say("The checker is not running: start it again with checker serve.", true);
      return;
    }
    if (mine !== sequence) return; // a newer check is on its way
    const answer = await answerOf(response);
    if (mine !== sequence) return;
    if (!response.ok) { say(answer.error || "The text could not be checked.", true); return; }
    if (text.value !== value) { schedule(); return; } // typed meanwhile: check the new text
    show(answer, value);
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, DELAY_MS);
  }

  text.addEventListener("input", () => {
    paint(shown.length ? placed(shown.map((s) => s.finding), text.value) : [], text.value);
    schedule();
  });
  text.addEventListener("scroll", () => {
    backdrop.scrollTop = text.scrollTop;
    backdrop.scrollLeft = text.scrollLeft;
  });
  lang.addEventListener("change", check);
  format.addEventListener("change", check);

  $("file").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    say("Opening " + file.name + "...");
    let response;
    try {
      response = await fetch("/api/open", {
        method: "POST",
        headers: { "Content-Type": "application/octet-stream", "X-File-Name": encodeURIComponent(file.name) },
        body: await file.arrayBuffer(),
      });
    } catch (error) {
      say("The checker is not running: start it again with checker serve.", true);
      return;
    }
    const answer = await answerOf(response);
    if (!response.ok) { say(answer.error || "The file could not be opened.", true); return; }
    text.value = answer.text;
    format.value = answer.format;
    const picked = (answer.lang || "").toLowerCase().split(/[-_]/)[0];
    lang.value = Array.from(lang.options).some((o) => o.value === picked) ? picked : "auto";
    event.target.value = "";
    check();
  });

  $("download").addEventListener("click", async () => {
    if (!text.value.trim()) { say("Type or open an article first.", true); return; }
    const response = await fetch("/api/report", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: request(),
    });
    if (!response.ok) {
      const answer = await answerOf(response);
      say(answer.error || "The report could not be made.", true);
      return;
    }
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = "checker-report.html";
    document.body.append(link);
    link.click();
    link.remove();
    say("Report downloaded.");
  });

  if (text.value.trim()) check();
})();
