// Behaviour kept out of the pages (the Content-Security-Policy forbids inline scripts).
// The language menu submits itself when changed; its button stays for keyboard users.
document.addEventListener("change", (event) => {
  const target = event.target;
  if (target instanceof HTMLSelectElement && target.id === "locale") {
    target.form.requestSubmit();
  }
});

// Keyboard review (the review queue): j/k move between hits, c/d/e decide with the typed
// reason (an empty reason is asked for first), ? shows the keys. Keys typed into a field
// are left alone.
(() => {
  const hits = () => Array.from(document.querySelectorAll("article.hit"));
  const current = () => hits().find((h) => h.contains(document.activeElement)) || null;
  const move = (step) => {
    const all = hits();
    if (!all.length) return;
    const at = all.indexOf(current());
    const next = all[Math.min(all.length - 1, Math.max(0, at + step))] || all[0];
    next.focus();
    next.scrollIntoView({ block: "nearest" });
  };
  const decide = (key) => {
    const hit = current();
    if (!hit) return;
    const reason = hit.querySelector("input.reason");
    if (!reason.value.trim()) {
      reason.focus();
      return;
    }
    hit.querySelector(`button[data-key="${key}"]`).click();
  };
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const field = event.target.closest ? event.target.closest("input, select, textarea") : null;
    if (field) {
      // typing a reason: Escape goes back to the hit, so the decision keys work again
      if (event.key === "Escape" && field.closest("article.hit")) {
        field.closest("article.hit").focus();
        event.preventDefault();
      }
      return;
    }
    if (event.key === "j") move(1);
    else if (event.key === "k") move(-1);
    else if (["c", "d", "e"].includes(event.key)) decide(event.key);
    else if (event.key === "?") {
      const help = document.getElementById("keys-help");
      if (!help) return;
      if (help.open) help.close();
      else help.showModal();
    } else return;
    event.preventDefault();
  });
  if (location.hash.startsWith("#after-")) {
    const first = hits()[0];
    if (first) first.focus();
  }
})();

// A refused form shown again: the list of what to correct gets the focus, so the next Tab
// reaches its first link (each link goes to the field it names).
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
});
