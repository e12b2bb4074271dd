// A programme's page on a phone: the long lists of its extract start folded, so that the reader
// sees the sections and reaches the full text sooner. The page's HTML has every list open, so
// without this script, in print and for search engines nothing is hidden; printing opens them all.
const NARROW = window.matchMedia("(max-width: 44.984375em)");
const lists = () => document.querySelectorAll("details.pal-zwijane");

// The list holding the element the address points to, if any.
function listOfTarget() {
  const id = location.hash ? decodeURIComponent(location.hash.slice(1)) : "";
  const target = id && document.getElementById(id);
  return target ? [target, target.closest("details.pal-zwijane")] : [null, null];
}

if (NARROW.matches) {
  const [, wanted] = listOfTarget();
  for (const list of lists()) {
    if (list !== wanted) list.open = false; // a list the reader was sent into stays open
  }
}

window.addEventListener("beforeprint", () => {
  for (const list of lists()) list.open = true;
});

// A link to an item inside a folded list opens the list first.
window.addEventListener("hashchange", () => {
  const [target, list] = listOfTarget();
  if (list && !list.open) {
    list.open = true;
    target.scrollIntoView();
  }
});
