"""The test suite explains itself: every test says in its docstring's first line, one sentence,
what it shows (the behaviour and, where useful, the legal point or the figure)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

TESTS = Path(__file__).resolve().parent
#: a full stop at the end, optionally followed by closing parentheses, brackets or quotes
ENDS_IN_A_FULL_STOP = re.compile(r"\.[)\]\"'”’»]*$")
#: a sentence ending inside the line: the word before its stop (captured), then a capital letter
SENTENCE_BREAK = re.compile(r"(?<!\S)(\S*?)[.!?][)\]\"'”’»]*\s+(?=[A-Z])")
#: words whose full stop does not end a sentence ("e.g. LCL 82", "art. 14")
ABBREVIATIONS = {"e.g", "i.e", "cf", "vs", "etc", "art", "arts", "no", "nos", "para", "paras"}


def each_test(tree: ast.Module, prefix: str) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Each test function of a module, with its pytest id (``path::Class::name``), classes included."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test"):
            yield f"{prefix}::{node.name}", node
        elif isinstance(node, ast.ClassDef):
            yield from each_test(ast.Module(body=node.body, type_ignores=[]), f"{prefix}::{node.name}")


def first_line_problem(doc: str | None) -> str | None:
    """Why a docstring's first line is not one sentence ending in a full stop, or None if it is."""
    if doc is None:
        return "no docstring"
    lines = doc.splitlines()
    first = lines[0].strip() if lines else ""
    if not first:
        return "the first line is empty"
    if not ENDS_IN_A_FULL_STOP.search(first):
        return f"the first line does not end in a full stop: {first!r}"
    if len(lines) > 1 and lines[1].strip():
        return f"the first line runs on into the next one: {first!r}"
    last_words = (m.group(1).lstrip("([\"'“‘«").lower() for m in SENTENCE_BREAK.finditer(first))
    if any(word not in ABBREVIATIONS for word in last_words):
        return f"the first line holds more than one sentence: {first!r}"
    return None


def test_every_test_says_what_it_shows_in_one_sentence() -> None:
    """Every test in tests/**/test_*.py has a docstring whose first line is one sentence ending in a full stop."""
    problems = []
    for path in sorted(TESTS.rglob("test_*.py")):
        rel = path.relative_to(TESTS.parent).as_posix()
        for test_id, node in each_test(ast.parse(path.read_text(encoding="utf-8"), filename=rel), rel):
            problem = first_line_problem(ast.get_docstring(node))
            if problem:
                problems.append(f"{test_id}: {problem}")
    assert problems == [], f"{len(problems)} test(s) without a one-sentence docstring:\n" + "\n".join(problems)
