#!/usr/bin/env python3
"""Writes Glossaries/countries-iso3166.ar-en.tsv from Debian's iso-codes package: the English
names of ISO 3166-1 (/usr/share/iso-codes/json/iso_3166-1.json) with their Arabic translations
(/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo). Run: apt-get install iso-codes, then
python3 Scripts/make_country_glossary.py. Names without an Arabic translation are left out.

ISO writes some names inverted ("Iran, Islamic Republic of"; "إيران، الجمهوريّة الإسلاميّة
الإيرانيّة"). Running text never does: an inverted name gives the full form in natural order
("Islamic Republic of Iran" = "الجمهوريّة الإسلاميّة الإيرانيّة") and, when the short Arabic
name is not shared with another country, the short form ("Iran" = "إيران").
"""
import collections
import gettext
import json
import sys

JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
MO = "/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo"
OUT = "Glossaries/countries-iso3166.ar-en.tsv"


def is_arabic(text):
    return any("\u0621" <= c <= "\u064a" for c in text)


def search_key(text):
    """Close enough to Tarjuman's search key to merge spellings that differ only in marks."""
    marks = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}
    folded = {"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0649": "\u064a", "\u0629": "\u0647"}
    return "".join(folded.get(c, c) for c in text if c not in marks)


def uninvert_english(name):
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    return tail + " " + head


def main():
    countries = json.load(open(JSON, encoding="utf-8"))["3166-1"]
    arabic = gettext.GNUTranslations(open(MO, "rb"))
    candidates = []
    for country in countries:
        name = country["name"]
        note = "ISO 3166-1 " + country["alpha_2"] + " / " + country["alpha_3"]
        translated = arabic.gettext(name).strip()
        if translated == name or not is_arabic(translated):
            continue
        official = country.get("official_name")
        if "، " in translated:
            short_ar, full_ar = [part.strip() for part in translated.split("، ", 1)]
            full_en = uninvert_english(name)
            short_en = country.get("common_name") or name.split(", ")[0]
            candidates.append(("full", full_ar, full_en, [], note))
            candidates.append(("short", short_ar, short_en, [], note))
        else:
            english = country.get("common_name") or uninvert_english(name)
            alternatives = [n for n in (uninvert_english(name), official) if n and n != english]
            candidates.append(("name", translated, english, alternatives, note))
        if official:
            official_ar = arabic.gettext(official).strip()
            if official_ar != official and is_arabic(official_ar):
                candidates.append(("official", official_ar, official, [], note))
    short_counts = collections.Counter(c[1] for c in candidates if c[0] == "short")
    rows = {}
    for kind, ar, en, alternatives, note in candidates:
        if kind == "short" and short_counts[ar] > 1:
            continue
        key = search_key(ar)
        if key in rows:
            row = rows[key]
            if en != row["english"] and en not in row["alternatives"]:
                row["alternatives"].append(en)
            continue
        rows[key] = {"arabic": ar, "english": en, "alternatives": [a for a in alternatives if a != en], "note": note}
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        out.write("arabic\tenglish\talternatives\tforbidden\tnote\tdomain\n")
        for row in sorted(rows.values(), key=lambda r: (r["note"], r["english"])):
            fields = [row["arabic"], row["english"], " | ".join(dict.fromkeys(row["alternatives"])), "", row["note"], "countries"]
            out.write("\t".join(fields) + "\n")
    print(f"{OUT}: {len(rows)} entries", file=sys.stderr)


if __name__ == "__main__":
    main()
