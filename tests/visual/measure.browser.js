// Runs in the page (page.evaluate of this file's text): measures the rendered comment relative to
// its top edge. Plain browser JavaScript, kept apart so the Node-side test needs no DOM types.
(() => {
  const root = document.getElementById('comment');
  const top = root.getBoundingClientRect().top;
  // Line boxes a fragment occupies: its client rects, one distinct top per line.
  const lineCount = (rects) => new Set([...rects].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;

  const heading = root.querySelector('h1, h2, h3');
  const verdict = heading ? { text: heading.textContent, bottom: heading.getBoundingClientRect().bottom - top } : null;
  // The first paragraph after the headline: the failing rule's sentence, or the passing summary.
  const firstP = root.querySelector(':scope > p');
  const reason = firstP ? { text: firstP.textContent, bottom: firstP.getBoundingClientRect().bottom - top } : null;

  const columns = [];
  for (const table of root.querySelectorAll('table')) {
    const cells = table.rows[0] ? [...table.rows[0].cells] : [];
    const name = cells.map((c) => c.textContent).join(' | ');
    for (const cell of cells) {
      columns.push({ table: name, header: cell.textContent, width: cell.getBoundingClientRect().width });
    }
  }

  // Ids: every inline code element, and every word that joins letters or digits by - / . : (feature
  // ids, model ids, paths, figures). Each must sit in one line box. Code blocks scroll, not wrap.
  const split = [];
  let idsChecked = 0;
  for (const code of root.querySelectorAll('code')) {
    // A code span with spaces is a phrase (a tokenizer note): its words are checked below, one by one.
    if (code.closest('pre') || /\s/.test(code.textContent)) continue;
    idsChecked++;
    const lines = lineCount(code.getClientRects());
    if (lines > 1) split.push({ text: code.textContent, lines });
  }
  const idPattern = /[\p{L}\p{N}$@][\p{L}\p{N}_$@]*(?:[-/.:\u2060]+[\p{L}\p{N}_$@]+)+/gu;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement || node.parentElement.closest('pre')) continue;
    for (const match of node.textContent.matchAll(idPattern)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      idsChecked++;
      const lines = lineCount(range.getClientRects());
      if (lines > 1) split.push({ text: match[0], lines });
    }
  }
  // A table wider than the column scrolls sideways on GitHub: what is past the edge is not read.
  const overflow = [...root.querySelectorAll('table')]
    .filter((t) => t.scrollWidth > t.clientWidth + 1)
    .map((t) => ({
      table: t.rows[0] ? [...t.rows[0].cells].map((c) => c.textContent).join(' | ') : '',
      scrollWidth: t.scrollWidth,
      clientWidth: t.clientWidth,
    }));
  return { overflow, height: root.getBoundingClientRect().height, verdict, reason, columns, split, idsChecked };
})();
