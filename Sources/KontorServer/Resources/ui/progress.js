// Live progress of an export: polls the progress URL every second until the export is finished. Without
// JavaScript the page offers a reload link instead.
(function () {
  const section = document.getElementById("export-progress");
  if (!section) return;
  const url = section.dataset.progressUrl;
  const bar = document.getElementById("export-bar");
  const state = document.getElementById("export-state");
  let polls = 0;
  async function poll() {
    polls += 1;
    const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!response.ok) return;
    const progress = await response.json();
    bar.max = Math.max(progress.total, 1);
    bar.value = progress.total - progress.pending;
    bar.textContent = (progress.total - progress.pending) + " / " + progress.total;
    for (const name of ["done", "failed", "skipped", "pending"]) {
      const cell = section.querySelector('[data-count="' + name + '"]');
      if (cell) cell.textContent = String(progress[name]);
    }
    if (progress.pending === 0) {
      state.textContent = "✓ " + state.dataset.finishedText;
    } else if (polls < 3600) {
      setTimeout(poll, 1000);
    }
  }
  setTimeout(poll, 1000);
})();
