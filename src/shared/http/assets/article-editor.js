// The article editor's one enhancement: "Insert into the text" puts an uploaded image's Markdown
// at the cursor of the body. Without this file the Markdown is shown to copy by hand.
(() => {
  const reveal = (root) => {
    for (const button of root.querySelectorAll('[data-insert-markdown]')) button.hidden = false;
  };

  const insert = (button) => {
    const field = document.getElementById(button.dataset.insertInto || '');
    if (!(field instanceof HTMLTextAreaElement)) return;
    const text = button.dataset.insertMarkdown || '';
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    const before = field.value.slice(0, start);
    const after = field.value.slice(end);
    // An image on a line of its own reads best in Markdown.
    const lead = before === '' || before.endsWith('\n') ? '' : '\n';
    const trail = after.startsWith('\n') ? '' : '\n';
    field.value = `${before}${lead}${text}${trail}${after}`;
    const cursor = before.length + lead.length + text.length + trail.length;
    field.focus();
    field.setSelectionRange(cursor, cursor);
    // The live preview listens for input.
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-insert-markdown]') : null;
    if (button) insert(button);
  });
  document.addEventListener('htmx:load', (event) => {
    if (event.target instanceof Element) reveal(event.target);
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => reveal(document));
  else reveal(document);
})();
