"""Runs the galechurch package (PyPI) on blocks of sentences, for tarjuman-eval align-corpus.

Reads {"mean": float, "variance": float, "blocks": [{"src": [...], "trg": [...]}]} as JSON on
standard input; writes a JSON array with, for each block, its beads as
[source_start, source_end, target_start, target_end].
"""
import json
import sys

import galechurch


def main():
    request = json.load(sys.stdin)
    result = []
    for block in request["blocks"]:
        aligned = galechurch.align(block["src"], block["trg"], mean_xy=request["mean"], variance_xy=request["variance"])
        result.append([[b.source_start, b.source_end, b.target_start, b.target_end] for b in aligned.beads])
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
