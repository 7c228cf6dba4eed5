"""Reads Markdown with markdown-it-py and checks that it finds the same
tables, with the same alignments and cell texts, as stride's own test with
pulldown-cmark.

    python check_md.py MANIFEST.json

MANIFEST: [{"md": path, "tables": [{"align", "header", "rows"}]}]
"""

import json
import sys

from markdown_it import MarkdownIt


def inline_text(token):
    parts = []
    for child in token.children or []:
        if child.type in ("text", "text_special", "code_inline", "html_inline"):
            parts.append(child.content if child.type != "html_inline" else "<html>")
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def alignment(token):
    style = token.attrs.get("style", "") if token.attrs else ""
    for value in ("left", "center", "right"):
        if style == f"text-align:{value}":
            return value
    return "none"


def tables(text):
    md = MarkdownIt("commonmark").enable("table")
    found = []
    table = None
    row = None
    in_head = False
    cell_align = None
    for token in md.parse(text):
        if token.type == "table_open":
            table = {"align": [], "header": [], "rows": []}
        elif token.type == "table_close":
            found.append(table)
            table = None
        elif token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            if in_head:
                table["header"] = row
            else:
                table["rows"].append(row)
            row = None
        elif token.type in ("th_open", "td_open"):
            cell_align = alignment(token)
            if in_head:
                table["align"].append(cell_align)
        elif token.type == "inline" and row is not None:
            row.append(inline_text(token))
        elif token.type in ("th_close", "td_close") and row is not None:
            # An empty cell has no inline token.
            pass
    return found


def normalise(table):
    # markdown-it gives an empty cell no inline token; pad rows to the header.
    width = len(table["header"])
    table["rows"] = [r + [""] * (width - len(r)) for r in table["rows"]]
    return table


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        manifest = json.load(f)
    problems = []
    count = 0
    for entry in manifest:
        with open(entry["md"], encoding="utf-8") as f:
            text = f.read()
        got = [normalise(t) for t in tables(text)]
        want = entry["tables"]
        if len(got) != len(want):
            problems.append(f"{entry['md']}: {len(got)} tables, expected {len(want)}")
        for i, (g, w) in enumerate(zip(got, want)):
            for key in ("align", "header", "rows"):
                if g[key] != w[key]:
                    problems.append(f"{entry['md']}: table {i + 1} {key}: {g[key]!r} != {w[key]!r}")
        count += len(got)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    print(f"markdown-it-py: the same {count} tables in {len(manifest)} documents")


if __name__ == "__main__":
    main()
