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
  // The document read ('d', below): the page's, or the version of it chosen since.
  let reading = params.get("d") || "";

  // A number in the council's style, or in the other ("7(12)" for 7.12); an ID.
  function numbered(numbers, text) {
    const number = window.constitutionNumber(text);
    if (!number) return null;
    return numbers[number] || numbers[window.constitutionNumberOtherwise(number)] || null;
  }

  // A paragraph by number or ID, else a whole section by its number ("section 14").
  function findIn(v, text) {
    const id = window.constitutionId(text);
    const number = window.constitutionNumber(text);
    return numbered(v.numbers, text) || (id && v.ids[id]) || (number && v.sections[number]) ||
      null;
  }

  // The document of the page the search was opened from ('d': its key, and the version
  // the page shows, if not the plain addresses'): {d, v}, v that version; else null.
  function documentRead(index) {
    const [key, version] = reading.split("/");
    const d = key && (index.documents || []).find((x) => x.key === key);
    const v = !d ? null : !version ? d : version === "draft" ? d.draft || d
      : d.versions.find((x) => x.key === version);
    return v ? { d, v } : null;
  }

  // The day the version read came into force, if it is an adopted version not in force
  // now; else null. A reader of the protocol as adopted in 2025 who names an Article
  // means the Article as it then stood, as that version's own references to it are
  // linked (citing.py): not as renumbered or reworded since. A reader of the version in
  // force, or of a draft, means the other document as it is now.
  function dayRead(index, version) {
    const read = documentRead(index);
    if (read) return read.v.name !== read.d.name ? read.v.from || null : null;
    return version !== index.in_force ? index[version].from || null : null;
  }

  // Document d in the version a reader of it has before them: the version read, if it
  // is d's page; else d's version in force on `day` (dayRead), if it had one then and
  // it is not still in force; else d at its plain addresses (its version in force).
  function shownOf(read, d, day) {
    if (read && read.d === d) return read.v;
    const then = day && d.versions.filter((v) => v.from <= day).pop();
    return then && then.name !== d.name ? then : d;
  }

  // Another document that a paragraph opened from the version read (its address, url)
  // belongs to, though none of its versions was in force when the version read came into
  // force: its version in force is opened then, and that is said (unforeseen, below).
  // {d, day}, or null.
  function notThen(index, version, url) {
    const day = dayRead(index, version);
    const read = documentRead(index);
    const holds = (d) => url === d.contents ||
      [d.numbers, d.ids, d.sections].some((at) => Object.values(at).includes(url));
    const d = day && (index.documents || []).find((x) => (!read || read.d !== x) && holds(x));
    return d && !d.versions.some((v) => v.from <= day) ? { d, day } : null;
  }

  // An ID as typed whole: "CPR 4" cites Rule 4, not CPR-0004; "section 3" is no ID.
  const whole = (text) => (/\s/.test(text.trim()) ? null : window.constitutionId(text));

  // A paragraph (or section, or contents) of the constitution's other documents, cited
  // as a reader cites it ("Article 2.1", "CPR 4", "Rule 4.2", "Article 12"), or its ID,
  // in the version read if it is that document's page; or one of the protocol's cited
  // with its name ("paragraph 14.4 of the Member/Officer Protocol", "MOP 14.4"), in the
  // version being read.
  function inDocuments(index, version, text) {
    const id = whole(text);
    const read = documentRead(index);
    const day = dayRead(index, version);
    for (const d of index.documents || []) {
      const v = shownOf(read, d, day);
      if (id && v.ids[id]) return v.ids[id];
      const rest = window.constitutionCitedIn(d, text);
      if (rest === "") return v.contents;
      const found = rest && findIn(v, rest);
      if (found) return found;
    }
    const protocol = index.citing;
    const rest = protocol && window.constitutionCitedIn(protocol, text);
    if (rest === "") return index[version].contents;
    return (rest && findIn(index[version], rest)) || null;
  }

  // A number alone ("14.2", "section 14"): no ID, and no document's citation.
  function numberAlone(index, text) {
    if (whole(text) || !window.constitutionNumber(text)) return false;
    const cites = [...(index.documents || []), ...(index.citing ? [index.citing] : [])];
    return cites.every((d) => window.constitutionCitedIn(d, text) === null);
  }

  // The clause in the version being read; an ID found only in the draft (a clause
  // inserted since) opens it there. One since revoked is said to be elsewhere (below).
  // A number alone typed on another document's page is that document's paragraph in the
  // version the page shows, as on the protocol's pages; never the protocol's of that
  // number: one the document lacks is said to be elsewhere or nowhere (below).
  function jumpTarget(index, version, text) {
    const other = inDocuments(index, version, text);
    if (other) return other;
    const read = documentRead(index);
    if (read && numberAlone(index, text)) return findIn(read.v, text);
    const here = findIn(index[version], text);
    if (here || !window.constitutionId(text)) return here;
    return index.draft.ids[window.constitutionId(text)] || null;
  }

  // A number or an ID that the version read lacks, in the other versions of its document
  // that have it: {here, asked, history, places, searched}, each place the paragraph's
  // address in that version, how it is cited there, and its address and number in the
  // version read if it has the paragraph under another number; searched, the names of
  // the other versions looked in (places is empty if none has it); or null if the version
  // read has it. An ID the draft lacks too was revoked: its history page says when.
  const numberAt = (v, url) => Object.keys(v.numbers).find((n) => v.numbers[n] === url);
  function holders(here, others, draft, asked, cited) {
    const at = (v) => (asked.id ? v.ids[asked.id] : numbered(v.numbers, asked.number));
    if (at(here)) return null;
    const places = [];
    for (const v of others) {
      const url = at(v);
      if (!url) continue;
      const id = url.split("#")[1];
      const now = here.ids[id];
      places.push({
        url,
        name: v.name,
        said: cited.replace("{number}", numberAt(v, url)) + " (" + id + ")",
        revoked: Boolean(v.revoked[id]),
        now: now ? { url: now, said: cited.replace("{number}", numberAt(here, now)) } : null,
      });
    }
    const what = asked.id ? "paragraph " + asked.id : cited.replace("{number}", asked.number);
    // revoked if another version had it and the draft has not; else it never was
    const revoked = asked.id && places.length && !draft.ids[asked.id];
    const history = revoked ? draft.history.replace("{id}", asked.id) : null;
    const searched = others.map((v) => v.name);
    return { here: here.name, asked: what, history, places, searched };
  }

  // Another document's number or ID first (as cited: "Rule 8.7", "CPR-0004"; or a number
  // alone on its page), in the version its reader has before them, else the protocol's,
  // in its versions oldest first and then the draft. A number that no version of the
  // document cited has is still said to be missing from the one read: {places: []}; so
  // is the protocol's, unless a bare number ("2026"), which may be a word of the text.
  function elsewhere(index, version, text) {
    const id = whole(text);
    const read = documentRead(index);
    const day = dayRead(index, version);
    const alone = read && numberAlone(index, text);
    for (const d of index.documents || []) {
      const rest = alone && read.d === d ? text : !id && window.constitutionCitedIn(d, text);
      const number = rest && window.constitutionNumber(rest);
      const asked = id ? { id } : number ? { number } : null;
      if (!asked) continue;
      const here = shownOf(read, d, day);
      // d.versions holds the one in force too, as its own entry
      const others = [...d.versions, ...(d.draft ? [d.draft] : [])]
        .filter((v) => v.name !== here.name);
      const found = holders(here, others, d.draft || d, asked, d.cited);
      const own = id && id.startsWith(d.prefix + "-");
      if (found && (found.places.length || number || own)) return found; // none opened it
    }
    const cited = index.citing && window.constitutionCitedIn(index.citing, text);
    const rest = cited || text;
    const number = window.constitutionNumber(rest);
    // an ID typed whole first: "MOP-0208" begins as the protocol is cited ("MOP 14.4");
    // else a number: "para 99" is paragraph 99, not the ID PARA-0099
    const protocolId = id || (!number && window.constitutionId(rest));
    if (!protocolId && !number) return null;
    const keys = Object.keys(index).filter((k) => /^\d/.test(k)).sort();
    const others = [...keys, "draft"].filter((k) => k !== version).map((k) => index[k]);
    const found = holders(index[version], others, index.draft,
      protocolId ? { id: protocolId } : { number },
      "Paragraph {number}");
    // a number cited, or in a paragraph's shape, is said to be missing, as is an ID of the
    // council's prefix; a bare number ("2026"), or an ID of no prefix of the constitution
    // ("COVID-19"), may be a word of the text, and is searched
    const said = (number && (cited || !/^\d+$/.test(text.trim()))) ||
      (protocolId && protocolId.startsWith(index.prefix + "-"));
    return found && (found.places.length || said) ? found : null;
  }

  // The other versions looked in, none having what was asked: "; nor has any other
  // version: A, B or C", so that a reader knows the number is nowhere, not unlooked for.
  function nor(names) {
    if (!names.length) return "";
    if (names.length === 1) return "; nor has the other version, " + names[0];
    return "; nor has any other version: " + names.slice(0, -1).join(", ") + " or " +
      names[names.length - 1];
  }

  // What elsewhere() found, in words: the version read lacks it, these versions have it.
  function tell(where) {
    list.replaceChildren();
    suggest(null);
    const capital = (words) => words.charAt(0).toUpperCase() + words.slice(1);
    const asked = where.asked.replace(/^Paragraph /, "paragraph ");
    const others = ["", "Another version has it:"][where.places.length] ??
      "Other versions have it:";
    status.textContent = (capital(where.here) + " has no " + asked +
      (where.history ? ": it was revoked" : "") +
      (where.places.length ? "" : nor(where.searched)) + ". " + others).trim();
    for (const place of where.places) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = root + place.url;
      a.textContent = place.said + (place.revoked ? ", revoked," : "") + " in " + place.name;
      li.append(a);
      if (place.now) {
        const now = document.createElement("a");
        now.href = root + place.now.url;
        now.textContent = place.now.said.replace(/^Paragraph /, "paragraph ") + " in " +
          where.here;
        li.append("; the same paragraph is ", now, ".");
      }
      list.append(li);
    }
    if (where.history) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = root + where.history;
      a.textContent = "Its history";
      li.append(a, ": the versions that had it, and the one that revoked it.");
      list.append(li);
    }
  }

  // A paragraph of another document none of whose versions was in force when the
  // version read came into force (notThen): said so, with a link to its version in force.
  function unforeseen(early, index, version, url, text) {
    list.replaceChildren();
    suggest(null);
    const { d, day } = early;
    const read = documentRead(index);
    const first = d.versions[0];
    const date = window.constitutionDate;
    status.textContent = "No version of the " + d.title + " was in force on " + date(day) +
      ", when " + (read ? read.v : index[version]).name + " came into force: " +
      (first ? "the first came into force on " + date(first.from) : "none has been adopted") +
      ". It is in " + d.name + ":";
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = root + url;
    a.textContent = url.includes("#") ? citedAs(index, version, url) : text;
    li.append(a);
    list.append(li);
  }

  // Results under their sections' headings, in the order given (bySection, below): a
  // section's paragraphs standing together share one heading.
  function show(results, name) {
    list.replaceChildren();
    const groups = [];
    for (const r of results) {
      const last = groups[groups.length - 1];
      if (last && last[0] === r.section) last[1].push(r);
      else groups.push([r.section, [r]]);
    }
    for (const [section, found] of groups) {
      const group = document.createElement("li");
      const heading = document.createElement("h2");
      heading.textContent = section;
      const inner = document.createElement("ol");
      for (const r of found) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = root + r.url.replace(/^\//, "");
        a.textContent = r.title;
        const p = document.createElement("p");
        p.innerHTML = r.excerpt; // Pagefind's excerpt: escaped text with <mark> around matches
        li.append(a, p);
        inner.append(li);
      }
      group.append(heading, inner);
      list.append(group);
    }
    // "3 paragraphs found in the version in force (adopted 14 May 2026).", as said aloud
    const count = results.length === 0 ? "No paragraph"
      : results.length + " paragraph" + (results.length === 1 ? "" : "s");
    status.textContent = count + " found in " + name + ".";
  }

  // "Did you mean": a link searching the corrected words.
  function suggest(corrected) {
    let box = document.getElementById("search-suggestion");
    if (!corrected) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement("p");
      box.id = "search-suggestion";
      status.before(box);
    }
    const url = new URL(window.location.href);
    url.searchParams.set("q", corrected);
    chosen(url);
    const a = document.createElement("a");
    a.href = url.href;
    a.textContent = corrected;
    a.addEventListener("click", (event) => {
      event.preventDefault();
      input.value = corrected;
      form.requestSubmit();
    });
    box.replaceChildren("Did you mean ", a, "? Paragraphs with it are included below.");
  }

  // One Pagefind bundle a version, loaded the first time that version is searched, with
  // the words of that version's text (for suggestions). import() resolves against this
  // script's URL, so make the address absolute.
  const bundles = {};
  function bundle(version) {
    const url = new URL(root + "pagefind/" + version + "/pagefind.js", document.baseURI);
    bundles[version] = bundles[version] || import(url.href);
    return bundles[version];
  }
  const vocabularies = {};
  function vocabulary(version) {
    vocabularies[version] = vocabularies[version] ||
      fetch(root + "pagefind/" + version + "/words.json")
        .then((response) => (response.ok ? response.json() : []))
        .catch(() => [])
        .then((words) => new Set(words));
    return vocabularies[version];
  }

  // The council's synonyms (conf/council.toml): each phrase -> every phrase of its groups;
  // and the plain words readers use: a reader's phrase -> the protocol's (one way only).
  // With them, the words kept whole (below).
  let synonymsLoaded = null;
  function synonyms() {
    synonymsLoaded = synonymsLoaded || fetch(root + "search-terms.json")
      .then((response) => (response.ok ? response.json() : { synonyms: [] }))
      .catch(() => ({ synonyms: [] }))
      .then((terms) => {
        keptWhole = new Set(terms.whole || []);
        const map = new Map();
        for (const group of terms.synonyms || []) {
          for (const phrase of group) {
            const all = map.get(phrase) || new Set([phrase]);
            for (const other of group) all.add(other);
            map.set(phrase, all);
          }
        }
        for (const [phrase, ...protocols] of terms.plain || []) {
          const all = map.get(phrase) || new Set([phrase]);
          for (const other of protocols) all.add(other);
          map.set(phrase, all);
        }
        return map;
      });
    return synonymsLoaded;
  }

  // Words that carry no meaning of their own in a question ("can a councillor ...").
  const STOP = new Set(("a an the of to in on at by for with from about into as and or but " +
    "is are was were be been being am do does did done can could may might must shall should " +
    "will would have has had get gets got what who whom whose which when where why how " +
    "i me my mine we us our you your he him his she her it its they them their this that " +
    "these those there here if then than so not no any some all allowed able let " +
    // a verb's negation, typed with or without its apostrophe on a phone ("wasnt")
    "can't cant don't dont doesn't doesnt didn't didnt isn't isnt wasn't wasnt won't wont " +
    "aren't arent weren't werent haven't havent hasn't hasnt hadn't hadnt " +
    "couldn't couldnt wouldn't wouldnt shouldn't shouldnt " +
    // an email's greeting and closing, pasted with the question
    "dear hi hello regards thanks thank please cheers sincerely faithfully " +
    // and in a council's constitution, "council": nearly every paragraph says it, so it
    // says which body a question is about, not what about ("council gifts"). A phrase
    // with it ("council officer", "council offices") is still found as a synonym.
    "council").split(" "));

  // Words whose "-ing" makes a noun of their own ("housing", "planning"), kept whole as a
  // stemmer's protected words are: such a word, or its plural, is never searched without
  // its ending, nor matched with a word without it; nor is that word matched with it.
  let keptWhole = new Set();
  const wholeOf = (word) => [...keptWhole].find((w) => word === w || word === w + "s") || null;

  // Pagefind answers a word missing from the index with its longest indexed prefix, so
  // "acknowledge" would find every "a": keep a clause only if, for each searched word, a
  // word it matched begins as that searched word begins, and is a word kept whole only if
  // the searched word is that word (Pagefind's stemmer makes "housing" "house").
  const letters = (word) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  function matches(words, clause, searched) {
    const found = clause.locations.map((at) => letters(words[at] || ""));
    return searched.every((w) => found.some((word) =>
      word.startsWith(w.slice(0, 4)) && wholeOf(word) === wholeOf(w)));
  }

  // The words of a query, in lower case, without punctuation or a possessive "'s".
  function tokens(text) {
    return text.toLowerCase().split(/\s+/)
      .map((w) => w.replace(/['’]s$/u, "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
      .filter(Boolean);
  }

  // A word as typed, then with its ending taken off ("leaflets", "ordering",
  // "criticised", "replies", "chatting"), as the synonyms list a word in its plain form.
  function plainForms(word) {
    const kept = wholeOf(word);
    if (kept) return [...new Set([word, kept])];
    const out = [word];
    const cut = (ending, ...then) => {
      if (word.length > ending.length + 2 && word.endsWith(ending)) {
        for (const t of then) out.push(word.slice(0, -ending.length) + t);
      }
    };
    cut("s", "");
    cut("es", "");
    cut("ies", "y");
    cut("ing", "", "e");
    cut("ed", "", "e");
    cut("d", "");
    // a consonant doubled before the ending ("chatting", "stopped")
    const doubled = /([^aeiou])\1(?:ing|ed)$/.exec(word);
    if (doubled) out.push(word.slice(0, doubled.index + 1));
    return out;
  }

  // A phrase as typed, then with its last word's ending taken off, or its first word's:
  // a phrasal verb is inflected at its head ("turns up", "leaning on", "showed up").
  function stems(phrase) {
    const words = phrase.split(" ");
    const last = words.length - 1;
    const out = plainForms(words[last]).map((w) => [...words.slice(0, last), w].join(" "));
    if (last > 0) {
      for (const w of plainForms(words[0]).slice(1)) out.push([w, ...words.slice(1)].join(" "));
    }
    return out;
  }

  // A phrase a reader parts with words of their own ("tell staff what to do", "boss
  // officers around"), listed as "tell ... what to do": where its two parts stand in the
  // query, together or up to three words apart, {at, parts, term}; the words between
  // stay terms.
  const GAP = " ... ";
  const said = (words, at, part) =>
    stems(words.slice(at, at + part.length).join(" ")).includes(part.join(" "));
  function parted(words, map) {
    const found = [];
    const taken = new Set();
    for (const [key, alternatives] of map) {
      if (!key.includes(GAP)) continue;
      const [head, tail] = key.split(GAP).map((part) => part.split(" "));
      for (let i = 0; i + head.length < words.length; i++) {
        if (!said(words, i, head)) continue;
        const from = i + head.length;
        const j = [0, 1, 2, 3].map((gap) => from + gap).find((at) => said(words, at, tail));
        const parts = j === undefined ? [] : [
          ...head.map((_, k) => i + k), ...tail.map((_, k) => j + k),
        ];
        if (!parts.length || parts.some((at) => taken.has(at))) continue;
        parts.forEach((at) => taken.add(at));
        const text = parts.map((at) => words[at]).join(" ");
        found.push({ at: i, parts, term: { text, alternatives: [...alternatives].map((a) => [a, 1]) } });
      }
    }
    return { found, taken };
  }

  // The query as terms, each with the phrases that may stand for it: a phrase the
  // council lists as a synonym (longest first, so "data protection" before "data"), or
  // a word that is not a stop word. A question of stop words only is searched as typed.
  function terms(words, map) {
    const out = [];
    const { found, taken: apart } = parted(words, map);
    for (let i = 0; i < words.length;) {
      for (const p of found.filter((p) => p.at === i)) out.push(p.term);
      if (apart.has(i)) {
        i += 1;
        continue;
      }
      let taken = 0;
      for (let n = Math.min(5, words.length - i); n >= 1 && !taken; n--) {
        if (words.slice(i, i + n).some((_, k) => apart.has(i + k))) continue;
        const phrase = words.slice(i, i + n).join(" ");
        const key = stems(phrase).find((stem) => map.has(stem));
        if (key) {
          out.push({ text: phrase, alternatives: [...map.get(key)].map((a) => [a, 1]) });
          taken = n;
        }
      }
      if (!taken) {
        if (!STOP.has(words[i])) out.push({ text: words[i], alternatives: [[words[i], 1]] });
        taken = 1;
      }
      i += taken;
    }
    if (out.length) return out;
    return words.map((w) => ({ text: w, alternatives: [[w, 1]] }));
  }

  // Edit distance with transpositions ("whistelblowing"), giving up beyond `limit`.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let prev2 = null;
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let best = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d = Math.min(d, prev2[j - 2] + 1);
        }
        row.push(d);
        best = Math.min(best, d);
      }
      if (best > limit) return limit + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  // A word of the text, the start of one ("confid"), or one with an ending ("contacting",
  // "harassment"): Pagefind finds these as typed.
  const ENDINGS = ["s", "es", "d", "ed", "ing", "er", "ers", "ment", "ments", "ly", "ion", "ions"];
  function inText(word, vocab) {
    if (vocab.has(word)) return true;
    for (const k of vocab) {
      if (k.startsWith(word)) return true;
      if (k.length >= 3 && word.length > k.length && ENDINGS.some((e) =>
        word === k + e || (k.endsWith("e") && word === k.slice(0, -1) + e))) return true;
    }
    return false;
  }

  // A word spelt the American way ("organization", "behavior", "license", "center",
  // "canceled") as the text spells it, where the text has the word only so: a spelling,
  // not a misspelling, so searched as fully as the word typed. Else the word as typed.
  const SPELLINGS = [[/iz/g, "is"], [/yz/g, "ys"], [/or(s|ed|ing)?$/, "our$1"],
    [/ense(s|d)?$/, "ence$1"], [/er(s)?$/, "re$1"], [/og(s)?$/, "ogue$1"],
    [/([aeiou])l(ed|ing)$/, "$1ll$2"]];
  function british(word, vocab) {
    if (word.length < 4 || inText(word, vocab)) return word;
    for (const [american, ours] of SPELLINGS) {
      const spelt = word.replace(american, ours);
      if (spelt !== word && inText(spelt, vocab)) return spelt;
    }
    return word;
  }

  // For a word not in the text nor among the synonyms, the nearest word that is (one edit
  // for short words, two for longer) and begins with the same letter, as misspellings
  // seldom change the first: {searched, shown}, or null. A word with an ending
  // ("harrased", three edits from the text's "harass") is corrected as typed, else
  // without its ending ("harras"), which is searched; the reader is shown it with the
  // ending put back ("harassed").
  function correction(word, vocab, map) {
    if (word.length < 4 || /\d/.test(word) || inText(word, vocab)) return null;
    if (stems(word).some((stem) => map.has(stem))) return null;
    const limit = word.length < 7 ? 1 : 2;
    for (const form of plainForms(word)) {
      if (form.length < 5 && form !== word) continue;
      const best = nearest(form, vocab, map, limit);
      if (!best) continue;
      const ending = form === word || !word.startsWith(form) ? "" : word.slice(form.length);
      const shown = best.endsWith("e") && ending.startsWith("e") ? best + ending.slice(1)
        : best + ending;
      return { searched: best, shown };
    }
    return null;
  }

  // The word of the text or the synonyms nearest `word`, within `limit` edits: or null.
  function nearest(word, vocab, map, limit) {
    let best = null;
    let bestDistance = limit + 1;
    for (const k of [...map.keys(), ...vocab]) {
      if (k.includes(" ") || k[0] !== word[0]) continue;
      const d = distance(word, k, limit);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  // Whether a word is English spelt right (search-known/, by its first two letters): such
  // a word is searched as typed, never "corrected" to a word of the text near it
  // ("counsel" is not "council"). Without the list (the editor's preview), none is.
  const known = {};
  async function spelledRight(word) {
    if (!/^[a-z]{2}/.test(word)) return false;
    const first = word.slice(0, 2);
    known[first] = known[first] || fetch(root + "search-known/" + first + ".json")
      .then((response) => (response.ok ? response.json() : []))
      .catch(() => [])
      .then((words) => new Set(words));
    return (await known[first]).has(word);
  }

  // A misspelt word that, corrected, makes a phrase of the synonyms with the words beside
  // it ("freedom of infomation request") is corrected before the phrases are read, so the
  // phrase is one term; other words are corrected term by term (below). Each correction
  // made is added to `corrected`.
  async function phrasedRight(words, vocab, map, corrected) {
    const out = [...words];
    const phrased = (at) => [2, 3, 4, 5].some((n) => [...Array(n).keys()].some((back) => {
      const from = at - back;
      return from >= 0 && from + n <= out.length &&
        stems(out.slice(from, from + n).join(" ")).some((stem) => map.has(stem));
    }));
    for (let at = 0; at < out.length; at++) {
      const typed = out[at];
      const better = correction(typed, vocab, map);
      if (!better) continue;
      out[at] = better.searched;
      if (phrased(at) && !(await spelledRight(typed))) corrected.set(typed, better.shown);
      else out[at] = typed;
    }
    return out;
  }

  // Each phrase is searched with Pagefind (its words all in one section), and each
  // section's clauses (Pagefind's sub-results) that hold the phrase's words are kept, with
  // the score Pagefind gave their words.
  async function phrase(pagefind, text) {
    const found = await pagefind.search(text);
    const pages = await Promise.all(found.results.slice(0, 50).map((r) => r.data()));
    const searched = text.split(/\s+/).map(letters).filter(Boolean);
    const score = (clause) => clause.weighted_locations.reduce((sum, l) => sum + l.balanced_score * l.weight, 0);
    return pages.flatMap((page) => {
      const words = page.content.split(/[\r\n\s]+/g); // as Pagefind counts locations
      return page.sub_results
        .filter((clause) => clause.url.includes("#") && matches(words, clause, searched))
        .map((clause) => ({
          url: clause.url,
          title: page.meta.cited.replace("{number}", clause.title) + " " + page.meta.title,
          section: page.meta.title,
          excerpt: clause.excerpt,
          score: score(clause),
        }));
    });
  }

  // How much a term held by `held` of `total` clauses tells: 1 for one held by fewer
  // than one in RARE of them, less the more clauses hold it (its inverse document
  // frequency, as a share of that of a term one in RARE hold).
  const RARE = 4;
  function telling(held, total) {
    if (!held || !total || held * RARE <= total) return 1;
    return Math.max(Math.log(total / held), 0) / Math.log(RARE);
  }

  // Clauses ranked by how many of the query's terms they hold, a common term counting for
  // less (above), then by Pagefind's score; and each word corrected, with its correction.
  // `total` is how many clauses are searched.
  async function clauses(pagefind, version, text, total) {
    const [map, vocab] = await Promise.all([synonyms(), vocabulary(version)]);
    const corrected = new Map();
    const words = await phrasedRight(tokens(text).map((w) => british(w, vocab)), vocab, map,
      corrected);
    const wanted = terms(words, map);
    for (const term of wanted) {
      // A synonym is searched only if the text has it: Pagefind would answer one it does
      // not have with a shorter word ("councilor" with "council").
      const has = (phrase) => phrase.split(/[\s-]+/).every((w) => vocab.has(w) ||
        [...vocab].some((k) => k.startsWith(w)));
      const typed = term.alternatives.length === 1 || has(term.text) || inText(term.text, vocab);
      term.alternatives = term.alternatives.filter(([a]) => (a === term.text ? typed : has(a)));
      if (term.text.includes(" ")) continue;
      const better = correction(term.text, vocab, map);
      if (!better || (await spelledRight(term.text))) continue;
      // A misspelling is searched as its correction, with the correction's synonyms,
      // weighed less than words found as typed: "talking" may be no misspelling of "taking".
      const { searched } = better;
      term.alternatives = (map.has(searched) ? [...map.get(searched)] : [searched])
        .filter((a) => has(a)).map((a) => [a, 0.5]);
      corrected.set(term.text, better.shown);
    }
    const byUrl = new Map();
    for (const term of wanted) {
      const seen = new Set();
      for (const [alternative, weight] of term.alternatives) {
        for (const c of await phrase(pagefind, alternative)) {
          const entry = byUrl.get(c.url) || { ...c, score: 0, terms: 0, best: 0 };
          seen.add(c.url);
          entry.score += c.score * weight;
          if (c.score * weight > entry.best) {
            entry.best = c.score * weight;
            entry.excerpt = c.excerpt;
          }
          byUrl.set(c.url, entry);
        }
      }
      // A term held by most clauses ("officer", "member") says little of which is meant:
      // it counts for less than one held by few, so that a long question is answered by
      // the paragraphs holding its telling words, not its everyday ones.
      const counts = telling(seen.size, total);
      for (const url of seen) byUrl.get(url).terms += counts;
    }
    const ranked = [...byUrl.values()]
      .sort((a, b) => b.terms - a.terms || b.score - a.score)
      .slice(0, 50);
    return { ranked: bySection(ranked), corrected };
  }

  // Paragraphs holding as many of the question's terms, counted whole (a common term's
  // part of one, as "member" is, left out), grouped by section, sections in the order of
  // their best paragraph; but a paragraph holding fewer whole terms never before one
  // holding more, as a section's weaker paragraphs were when a section kept all its
  // paragraphs together ("change my report": 9.3 behind the Articles' other paragraphs
  // on the Cabinet, which hold "member" and "change" but not "report").
  function bySection(ranked) {
    const first = new Map();
    ranked.forEach((r, at) => first.has(r.section) || first.set(r.section, at));
    const whole = (r) => Math.floor(r.terms + 1e-9);
    return ranked.map((r, at) => ({ r, at }))
      .sort((a, b) => whole(b.r) - whole(a.r) ||
        first.get(a.r.section) - first.get(b.r.section) || a.at - b.at)
      .map(({ r }) => r);
  }

  // The paragraphs a longer question cites ("breach of para 6.2 of the protocol",
  // "complaint under Article 11.8"): each run of its words that would open a paragraph if
  // typed alone, the longest at each place, but never a number alone ("within 10 working
  // days"); and the question's other words, which are searched.
  function citedWithin(index, version, text) {
    const words = text.split(/\s+/).filter(Boolean);
    const found = [];
    const rest = [];
    for (let i = 0; i < words.length;) {
      let url = null;
      let n = Math.min(8, words.length - i);
      for (; n >= 1 && !url; n--) {
        const said = words.slice(i, i + n).join(" ").replace(/[,;:?!]+$/, "");
        if (!/\d/.test(said) || /^\d+$/.test(said)) continue;
        const target = jumpTarget(index, version, said);
        if (target && target.includes("#")) url = target;
      }
      if (url) {
        found.push(url);
        i += n + 1;
      } else {
        rest.push(words[i]);
        i += 1;
      }
    }
    return { found, rest: rest.join(" ") };
  }

  // How a result names a paragraph found by its citation, as Pagefind's results do
  // ("Paragraph 6.2", "Article 11.8").
  function citedAs(index, version, url) {
    const here = numberAt(index[version], url);
    if (here) return "Paragraph " + here;
    for (const d of index.documents || []) {
      const number = numberAt(d, url);
      if (number) return d.cited.replace("{number}", number);
    }
    return url.split("#")[1];
  }

  // The paragraphs cited first, with what the search found for them, then the rest.
  function citedFirst(ranked, found, index, version) {
    const idOf = (url) => url.split("#")[1];
    const ids = found.map(idOf);
    const first = found.map((url) => ranked.find((r) => idOf(r.url) === idOf(url)) || {
      url: "/" + url, title: citedAs(index, version, url), section: "The paragraph cited",
      excerpt: "",
    });
    return [...first, ...ranked.filter((r) => !ids.includes(idOf(r.url)))];
  }

  // How many paragraphs a version's search holds: its own and the other documents'.
  const held = (versions) => versions.reduce((sum, v) => sum + Object.keys(v.ids).length, 0);

  // What words are searched in: the bundle of the protocol's version chosen, which holds
  // the other documents as their plain addresses show them; or, from a page of another
  // document's version those do not show (one no longer in force, or its draft), that
  // version's own bundle (pagefind/KEY/VERSION/): {key, name, versions}.
  function searchedIn(index, version) {
    const read = documentRead(index);
    if (!read || read.v.name === read.d.name) {
      const versions = [index[version], ...(index.documents || [])];
      return { key: version, name: index[version].name, versions };
    }
    return { key: read.d.key + "/" + (read.v.key || "draft"), name: read.v.name, versions: [read.v] };
  }

  async function search(index) {
    const version = protocolKey || select.value;
    describe(index);
    const text = input.value.trim();
    if (!text) return;
    const target = jumpTarget(index, version, text);
    const early = target && notThen(index, version, target);
    if (early) {
      unforeseen(early, index, version, target, text);
      return;
    }
    if (target) {
      status.textContent = "Opening paragraph " + text + "…";
      window.location.assign(root + target);
      return;
    }
    const where = elsewhere(index, version, text);
    if (where) {
      tell(where);
      return;
    }
    const words = searchedIn(index, version);
    let pagefind;
    try {
      pagefind = await bundle(words.key);
    } catch {
      status.textContent = "This preview (constitution serve) has no search index: the " +
        "published site has. A paragraph number or ID still opens its paragraph.";
      return;
    }
    const cited = citedWithin(index, version, text);
    const asked = cited.found.length && tokens(cited.rest).every((w) => STOP.has(w))
      ? { ranked: [], corrected: new Map() }
      : await clauses(pagefind, words.key, cited.rest, held(words.versions));
    suggest(asked.corrected.size
      ? tokens(text).map((w) => asked.corrected.get(w) || w).join(" ") : null);
    show(citedFirst(asked.ranked, cited.found, index, version), words.name);
  }

  // The version menu lists the protocol's versions; but from a version of another document
  // that its plain addresses do not show (an earlier one, or its draft), whose own words
  // are searched, it lists that document's versions, that one chosen, and its label says
  // whose they are. The protocol's version then searched stays the one the page named.
  const label = document.querySelector('label[for="search-version"]');
  const note = document.getElementById("search-version-note");
  let protocolKey = null;
  function documentMenu(index) {
    const read = documentRead(index);
    if (!read || read.v.name === read.d.name) return;
    const d = read.d;
    protocolKey = select.value;
    const options = [...d.versions, ...(d.draft ? [d.draft] : [])].map((v) => {
      const key = v.name === d.name ? d.key : d.key + "/" + (v.key || "draft");
      return new Option(v.label, key, false, v === read.v);
    });
    select.replaceChildren(...options);
    select.name = "d";
    label.textContent = "Version of the " + d.title;
  }

  // The menu's note: what the version chosen searches besides, and as of which day a
  // citation of another document opens it (dayRead), in plain words.
  function describe(index) {
    if (!note) return;
    const date = window.constitutionDate;
    if (protocolKey) {
      const read = documentRead(index);
      const day = dayRead(index, protocolKey);
      note.textContent = read.v.name === read.d.name
        ? "Every document is searched as in force."
        : "Words are searched in " + (read.v.key ? "this version" : "the draft") + " of the " +
          read.d.title + " only; a citation of another document opens it " +
          (day ? "as it stood on " + date(day) + ", when this version came into force." : "as in force.");
      return;
    }
    const option = select.selectedOptions[0];
    const from = option && !option.defaultSelected && option.dataset.from;
    note.textContent = from
      ? "The other documents' words are searched as in force; a citation of one opens it " +
        "as it stood on " + date(from) + ", when this version came into force."
      : "The other documents are searched as in force.";
  }

  // The versions chosen, in a search's address: the protocol's, and the document read's.
  function chosen(url) {
    url.searchParams.set("v", protocolKey || select.value);
    if (protocolKey) url.searchParams.set("d", reading);
  }

  // The versions are in the page, the one in force chosen; the index of their numbers
  // and IDs is fetched with the first search, not by a reader who only opens the page,
  // unless the page is opened from another document's version, whose versions it lists.
  const wanted = params.get("v");
  if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
  describe(null);
  let loading = null;
  const load = () => {
    loading = loading || fetch(root + "clause-index.json").then((response) => response.json());
    return loading;
  };
  const ready = reading.includes("/") ? load().then(documentMenu) : Promise.resolve();
  const searched = () => ready.then(load).then(search);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set("q", input.value.trim());
    chosen(url);
    window.history.replaceState(null, "", url);
    searched();
  });
  select.addEventListener("change", () => {
    if (protocolKey) reading = select.value;
    searched();
  });
  if (query) searched();
})();
