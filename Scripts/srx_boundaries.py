#!/usr/bin/env python3
"""Sentence starts proposed by LanguageTool's SRX rules (choppa-srx) for the Arabic paragraphs
given on standard input as a JSON array of strings. Prints a JSON array, one list of start
offsets (Unicode code points) per paragraph, the first sentence's start left out.

Used by `tarjuman-eval segment` to put LanguageTool's rules beside Tarjuman's.
Needs: pip install choppa-srx
"""
import json
import sys

from choppa import DEFAULT_SRX_RULESET, SrxDocument
from choppa.iterators import SrxTextIterator


def starts(document, paragraph):
    result = []
    offset = 0
    for sentence in SrxTextIterator(document, "ar_two", paragraph):
        position = paragraph.find(sentence, offset)
        if position < 0:
            continue
        lead = len(sentence) - len(sentence.lstrip())
        if sentence.strip() and position + lead > 0:
            result.append(position + lead)
        offset = position + len(sentence)
    return result


def main():
    paragraphs = json.load(sys.stdin)
    document = SrxDocument(ruleset=DEFAULT_SRX_RULESET)
    json.dump([starts(document, paragraph) for paragraph in paragraphs], sys.stdout)


if __name__ == "__main__":
    main()
