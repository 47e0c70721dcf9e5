// The search page. A paragraph number ("7.12", "para 7.12", "paragraph 7.12") or an ID
// ("MOP-0042") opens that clause of the version being read; anything else is searched
// with that version's Pagefind bundle, each result going to the clause itself.
(function () {
  const form = document.getElementById("search-form");
  if (!form) return;
  const root = form.dataset.root;
  const input = document.getElementById("search-query");
  const select = document.getElementById("search-version");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const params = new URLSearchParams(window.location.search);
  const query = (params.get("q") || "").trim();
  input.value = query;

  function findIn(v, text) {
    const number = text.match(/^(?:para(?:graph)?\.?\s*)?(\d+(?:\.\d+)+)\.?$/i);
    if (number) return v.numbers[number[1]] || null;
    const id = text.toUpperCase();
    if (/^[A-Z][A-Z0-9]{1,9}-(?:\d{4}|[1-9]\d{4,})$/.test(id)) return v.ids[id] || null;
    return null;
  }

  // The clause in the version being read; an ID found only elsewhere (a clause inserted
  // by the draft, or since revoked) opens it in the draft, else the newest version.
  function jumpTarget(index, version, text) {
    const here = findIn(index[version], text);
    if (here || !/^[A-Z][A-Z0-9]{1,9}-(?:\d{4}|[1-9]\d{4,})$/i.test(text)) return here;
    const others = ["draft", ...Object.keys(index).filter((k) => /^\d/.test(k)).sort().reverse()];
    for (const key of others) {
      const found = findIn(index[key], text);
      if (found) return found;
    }
    return null;
  }

  function show(results, label) {
    list.replaceChildren();
    for (const r of results) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = root + r.url.replace(/^\//, "");
      a.textContent = "Paragraph " + r.title;
      const p = document.createElement("p");
      p.innerHTML = r.excerpt; // Pagefind's excerpt: escaped text with <mark> around matches
      li.append(a, p);
      list.append(li);
    }
    status.textContent = results.length + " paragraph" + (results.length === 1 ? "" : "s") +
      " found in " + label + ".";
  }

  // One Pagefind bundle a version, loaded the first time that version is searched.
  // import() resolves against this script's URL, so make the address absolute.
  const bundles = {};
  function bundle(version) {
    const url = new URL(root + "pagefind/" + version + "/pagefind.js", document.baseURI);
    bundles[version] = bundles[version] || import(url.href);
    return bundles[version];
  }

  // Pagefind answers a word missing from the index with its longest indexed prefix, so
  // "acknowledge" would find every "a": keep a clause only if a word it matched begins as
  // a searched word begins.
  const letters = (word) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  function matches(words, clause, starts) {
    return clause.locations
      .map((at) => letters(words[at] || ""))
      .some((word) => starts.some((start) => word.startsWith(start)));
  }

  // Each section page is a Pagefind result and each clause (a heading) a sub-result: list
  // the clauses, best first, titled with their number and section.
  function clauses(pages, text) {
    const starts = text.split(/\s+/).map(letters).filter(Boolean).map((t) => t.slice(0, 4));
    const score = (clause) => clause.weighted_locations.reduce((sum, l) => sum + l.balanced_score * l.weight, 0);
    return pages
      .flatMap((page) => {
        const words = page.content.split(/[\r\n\s]+/g); // as Pagefind counts locations
        return page.sub_results
          .filter((clause) => clause.url.includes("#") && matches(words, clause, starts))
          .map((clause) => ({
            url: clause.url,
            title: clause.title + " " + page.meta.title,
            excerpt: clause.excerpt,
            score: score(clause),
          }));
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, 50);
  }

  async function search(index) {
    const version = select.value;
    const text = input.value.trim();
    if (!text) return;
    const target = jumpTarget(index, version, text);
    if (target) {
      status.textContent = "Opening paragraph " + text + "…";
      window.location.assign(root + target);
      return;
    }
    const label = index[version].label;
    let pagefind;
    try {
      pagefind = await bundle(version);
    } catch {
      status.textContent = "This preview (constitution serve) has no search index: the " +
        "published site has. A paragraph number or ID still opens its paragraph.";
      return;
    }
    const found = await pagefind.search(text);
    const pages = await Promise.all(found.results.slice(0, 50).map((r) => r.data()));
    show(clauses(pages, text), label);
  }

  fetch(root + "clause-index.json")
    .then((response) => response.json())
    .then((index) => {
      for (const key of Object.keys(index).filter((k) => k !== "in_force")) {
        const option = new Option(index[key].label, key);
        select.add(option);
      }
      const wanted = params.get("v");
      select.value = wanted && index[wanted] ? wanted : index.in_force;
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const url = new URL(window.location.href);
        url.searchParams.set("q", input.value.trim());
        url.searchParams.set("v", select.value);
        window.history.replaceState(null, "", url);
        search(index);
      });
      select.addEventListener("change", () => search(index));
      if (query) search(index);
    });
})();
