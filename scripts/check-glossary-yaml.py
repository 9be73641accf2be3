#!/usr/bin/env python3
"""Quick structural check of assets/glossary/*.yaml for contributors (the real schema check is zod at build)."""
import glob, re, sys, yaml
CATS = {"formula","campaign","reform","economy","indicator","institution","theory","slogan"}
KINDS = {"full","short","alias","quoted"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
files = sys.argv[1:] or sorted(glob.glob("assets/glossary/*.yaml"))
ids, terms, errs = {}, {}, []
entries = []
for f in files:
    data = yaml.safe_load(open(f, encoding="utf-8")) or []
    if not isinstance(data, list): errs.append(f"{f}: not a list"); continue
    for i, e in enumerate(data):
        where = f"{f}#{i} {e.get('id') if isinstance(e, dict) else ''}"
        if not isinstance(e, dict): errs.append(f"{where}: not a mapping"); continue
        entries.append((where, e))
        for k in ["id","term","category","summaryZh","summaryEn","sources","status"]:
            if not e.get(k): errs.append(f"{where}: missing {k}")
        if not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", str(e.get("id",""))): errs.append(f"{where}: bad id")
        if e.get("id") in ids: errs.append(f"{where}: duplicate id (also {ids[e['id']]})")
        ids[e.get("id")] = where
        if e.get("term") in terms: errs.append(f"{where}: duplicate term {e.get('term')} (also {terms[e['term']]})")
        terms[e.get("term")] = where
        if e.get("category") not in CATS: errs.append(f"{where}: bad category {e.get('category')}")
        if e.get("status") not in ("verified","uncertain"): errs.append(f"{where}: bad status")
        for v in e.get("variants") or []:
            if v.get("kind") not in KINDS or not v.get("form"): errs.append(f"{where}: bad variant {v}")
        for s in e.get("sources") or []:
            for k in ["title","publisher","url"]:
                if not s.get(k): errs.append(f"{where}: source missing {k}")
            if s.get("date") and not DATE.match(str(s["date"])): errs.append(f"{where}: bad source date {s['date']}")
        o = e.get("origin")
        if o and o.get("date") and not DATE.match(str(o["date"])): errs.append(f"{where}: bad origin date {o['date']}")
        for en in e.get("english") or []:
            if not en.get("text"): errs.append(f"{where}: english without text")
        for field in ["summaryZh","summaryEn","note"]:
            if isinstance(e.get(field), str) and re.search(r"<[a-zA-Z/]", e[field]): errs.append(f"{where}: markup in {field}")
allids = set(ids)
if len(sys.argv) == 1:
    for where, e in entries:
        for m in e.get("members") or []:
            if m not in allids: errs.append(f"{where}: member {m} not found")
        if e.get("family") and e["family"] not in allids: errs.append(f"{where}: family {e['family']} not found")
        for r in e.get("related") or []:
            if r not in allids: errs.append(f"{where}: related {r} not found (warning)")
print(f"{len(entries)} entries in {len(files)} files; {len(errs)} problems")
for x in errs: print(" -", x)
sys.exit(1 if any("warning" not in x for x in errs) else 0)
