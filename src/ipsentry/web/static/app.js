// Behaviour kept out of the pages (the Content-Security-Policy forbids inline scripts).
// The language menu submits itself when changed; its button stays for keyboard users.
document.addEventListener("change", (event) => {
  const target = event.target;
  if (target instanceof HTMLSelectElement && target.id === "locale") {
    target.form.requestSubmit();
  }
});
