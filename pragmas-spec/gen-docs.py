#!/usr/bin/env python3
"""gen-docs.py - writes docs/pragmas.md from pragmas-spec/pragmas.def.

The tables come from the SS_DIRECTIVE / SS_CLAUSE / SS_ALLOW / SS_CONSTRAINT
lines (and the macros built from SS_ALLOW, such as SS_ALLOW_TASK_COMMON); the prose around
them is pragmas-spec/pragmas.md.in. With --check, nothing is written: the
exit status is 1, with a message and a diff, if docs/pragmas.md differs.
"""
import argparse
import difflib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEF = os.path.join(HERE, "pragmas.def")
TEMPLATE = os.path.join(HERE, "pragmas.md.in")
OUT = os.path.join(ROOT, "docs", "pragmas.md")

FORMS = {
    "F_TASK": "before a statement (inline task) or a function declaration "
              "or definition (function task)",
    "F_STMT": "before a statement",
    "F_LOOP": "before a `for` loop",
    "F_STANDALONE": "stands alone where a statement may appear",
    "F_TARGET": "before the task pragma of a function task, whose clauses "
                "it adds to",
}
# Argument kinds: the syntax inside the clause and its meaning in words.
ARGS = {
    "A_NONE": ("", "no argument"),
    "A_EXPR": ("(expr)", "one C expression"),
    "A_STRING": ('("text")', "one string literal"),
    "A_REFS": ("(refs)", "comma-separated data references "
               "(see [Data references](#data-references))"),
    "A_DEPEND": ("(kind: refs)", "a dependence kind (`in`, `out`, `inout`, "
                 "`inoutset`, `mutexinoutset`), `:` and data references, "
                 "where `a[l:n]` is OpenMP's lower:length"),
    "A_VARS": ("(vars)", "comma-separated variable names"),
    "A_DEFAULT": ("(kind)", "one of `none`, `shared`, `private`, "
                  "`firstprivate`"),
    "A_REDUCTION": ("(op: vars)", "an operator (`+ - * & | ^ && || max "
                    "min`), `:` and variable names"),
    "A_NAME": ("(name)", "an optional identifier in parentheses, right "
               "after the directive name"),
    "A_DEVICE": ("(dev)", "`smp` or `cuda`"),
    "A_EXPRS": ("(exprs)", "comma-separated C expressions"),
    "A_FUNC": ("(f)", "the name of a function task declared before"),
    "A_CONSTRAINTS": ("(key(value), ...)", "comma-separated constraints "
                      "(see [Constraints](#constraints))"),
    "A_POLICY": ("(policy)", "`retry(n)`, `cancel_successors`, `fail` or "
                 "`ignore` (see [Files, programs and failures]"
                 "(#files-programs-and-failures))"),
}
# Constraint value types: what the value must be.
KTYPES = {
    "K_INT": "integer expression; a constant must be positive",
    "K_REAL": "arithmetic expression; a constant must not be negative",
    "K_STRING": "`char *` expression (a string literal or not)",
    "K_PTYPE": "`char *` expression; a string literal must be `\"CPU\"` "
               "or `\"GPU\"`",
}
SPELLINGS = {"SP_OSS": "oss", "SP_OMP": "omp"}
SPEC_MACROS = ("SS_DIRECTIVE", "SS_CLAUSE", "SS_ALLOW", "SS_CONSTRAINT")


class SpecError(Exception):
    pass


def strip_comments(text):
    """Removes C comments, keeping string literals and line numbers."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            if j < 0:
                raise SpecError("unterminated comment")
            out.append("\n" * text.count("\n", i, j))
            i = j + 2
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text[i] == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def split_args(s, pos):
    """Splits the argument list that starts after '(' at s[pos]. Returns the
    arguments (stripped) and the index after the closing ')'."""
    args, depth, start, i = [], 0, pos, pos
    while i < len(s):
        c = s[i]
        if c == '"':
            i += 1
            while i < len(s) and s[i] != '"':
                i += 2 if s[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                args.append(s[start:i].strip())
                return args, i + 1
            depth -= 1
        elif c == "," and depth == 0:
            args.append(s[start:i].strip())
            start = i + 1
        i += 1
    raise SpecError("unbalanced parentheses in: " + s[pos - 1:pos + 60])


def c_string(arg):
    """The value of one or more adjacent C string literals."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', arg)
    if not parts or re.sub(r'"((?:[^"\\]|\\.)*)"', "", arg).strip():
        raise SpecError("expected a string literal, got: " + arg)
    return "".join(re.sub(r"\\(.)", r"\1", p) for p in parts)


def parse_def(path):
    text = strip_comments(open(path, encoding="utf-8").read())
    text = text.replace("\\\n", " ")
    macros = {}  # name -> (params, body): helpers made of SS_ALLOW calls
    body = []
    for line in text.split("\n"):
        m = re.match(r"\s*#\s*define\s+(\w+)\(([^)]*)\)(.*)", line)
        if m and m.group(1) not in SPEC_MACROS:
            params = [p.strip() for p in m.group(2).split(",")]
            macros[m.group(1)] = (params, m.group(3))
        elif not line.lstrip().startswith("#"):
            body.append(line)
    spec = {"directives": [], "clauses": [], "allow": [], "constraints": []}
    expand(" ".join(body), macros, spec, 0)
    check(spec)
    return spec


def spellings(arg):
    words = [x.strip() for x in arg.split("|")]
    if not all(w in SPELLINGS for w in words):
        raise SpecError("unknown spelling in: " + arg)
    return [SPELLINGS[w] for w in words]


def expand(s, macros, spec, depth):
    if depth > 8:
        raise SpecError("macros nest too deeply")
    call = re.compile(r"\s*(\w+)\s*\(")
    pos = 0
    while s[pos:].strip():
        m = call.match(s, pos)
        if not m:
            raise SpecError("unexpected text: " + s[pos:].strip()[:60])
        name = m.group(1)
        args, pos = split_args(s, m.end())
        if name == "SS_DIRECTIVE" and len(args) == 5:
            spec["directives"].append({
                "id": args[0], "name": c_string(args[1]),
                "spellings": spellings(args[2]),
                "form": args[3], "summary": c_string(args[4])})
        elif name == "SS_CLAUSE" and len(args) == 4:
            spec["clauses"].append({
                "id": args[0], "name": c_string(args[1]), "arg": args[2],
                "summary": c_string(args[3])})
        elif name == "SS_CONSTRAINT" and len(args) == 5:
            spec["constraints"].append({
                "id": args[0], "name": c_string(args[1]),
                "alias": c_string(args[2]), "type": args[3],
                "summary": c_string(args[4])})
        elif name == "SS_ALLOW" and len(args) == 2:
            spec["allow"].append((args[0], args[1]))
        elif name in macros and len(args) == len(macros[name][0]):
            params, mbody = macros[name]
            for p, a in zip(params, args):
                mbody = re.sub(r"\b%s\b" % re.escape(p), a, mbody)
            expand(mbody, macros, spec, depth + 1)
        else:
            raise SpecError("unexpected %s(%s)" % (name, ", ".join(args)))


def check(spec):
    dirs = {d["id"] for d in spec["directives"]}
    cls = {c["id"] for c in spec["clauses"]}
    for d in spec["directives"]:
        if d["form"] not in FORMS:
            raise SpecError("unknown form %s of %s" % (d["form"], d["id"]))
    for c in spec["clauses"]:
        if c["arg"] not in ARGS:
            raise SpecError("unknown argument kind %s of %s" % (c["arg"], c["id"]))
    for k in spec["constraints"]:
        if k["type"] not in KTYPES:
            raise SpecError("unknown constraint type %s of %s" % (k["type"], k["id"]))
    for d, c in spec["allow"]:
        if d not in dirs or c not in cls:
            raise SpecError("SS_ALLOW(%s, %s) names an unknown directive or clause" % (d, c))


def clause_syntax(c, directive=None):
    """How the clause is written; a nameless clause (A_NAME) follows the
    directive's name directly."""
    return (c["name"] or directive or "") + ARGS[c["arg"]][0]


def anchor(c):
    return "clause-" + (c["name"] or c["id"])


def cell(text):
    """Text for a Markdown table cell: '|' would end the cell."""
    return text.replace("|", "\\|")


def render_directives(spec):
    rows = ["| Directive | `#pragma oss` | `#pragma omp` | Form | Summary |",
            "|---|---|---|---|---|"]
    for d in spec["directives"]:
        rows.append("| [`%s`](#%s) | %s | %s | %s | %s |" % (
            d["name"], d["name"],
            "yes" if "oss" in d["spellings"] else "no",
            "yes" if "omp" in d["spellings"] else "no",
            cell(FORMS[d["form"]]), cell(d["summary"])))
    return "\n".join(rows)


def render_allowed(spec):
    out = []
    for d in spec["directives"]:
        allowed = [c for c in spec["clauses"] if (d["id"], c["id"]) in spec["allow"]]
        out.append("### %s\n" % d["name"])
        out.append("%s.\n" % (d["summary"][0].upper() + d["summary"][1:]))
        out.append("- Spellings: %s" % ", ".join(
            "`#pragma %s %s`" % (s, d["name"]) for s in d["spellings"]))
        out.append("- Form: %s" % FORMS[d["form"]])
        if allowed:
            out.append("- Clauses: %s\n" % ", ".join(
                "[`%s`](#%s)" % (clause_syntax(c, d["name"]), anchor(c)) for c in allowed))
        else:
            out.append("- Clauses: none\n")
    return "\n".join(out).rstrip()


def render_clauses(spec):
    rows = ["| Clause | Argument | Directives | Summary |", "|---|---|---|---|"]
    for c in spec["clauses"]:
        dirs = ", ".join("`%s`" % d["name"] for d in spec["directives"]
                         if (d["id"], c["id"]) in spec["allow"])
        rows.append('| <a id="%s"></a>`%s` | %s | %s | %s |' % (
            anchor(c), cell(clause_syntax(c)), cell(ARGS[c["arg"]][1]), dirs,
            cell(c["summary"])))
    return "\n".join(rows)


def render_constraints(spec):
    rows = ["| Key | COMPSs spelling | Value | Meaning |", "|---|---|---|---|"]
    for k in spec["constraints"]:
        rows.append("| `%s` | `%s` | %s | %s |" % (
            k["name"], k["alias"], cell(KTYPES[k["type"]]), cell(k["summary"])))
    return "\n".join(rows)


def render(spec):
    text = open(TEMPLATE, encoding="utf-8").read()
    for key, fn in (("@DIRECTIVES@", render_directives),
                    ("@ALLOWED@", render_allowed),
                    ("@CLAUSES@", render_clauses),
                    ("@CONSTRAINTS@", render_constraints)):
        if key not in text:
            raise SpecError("%s lacks %s" % (TEMPLATE, key))
        text = text.replace(key, fn(spec))
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="exit 1 if docs/pragmas.md is out of date; write nothing")
    ap.add_argument("--out", default=OUT, help="the file to write or check")
    opts = ap.parse_args()
    try:
        want = render(parse_def(DEF))
    except SpecError as e:
        sys.exit("gen-docs.py: %s: %s" % (DEF, e))
    try:
        have = open(opts.out, encoding="utf-8").read()
    except FileNotFoundError:
        have = None
    rel = os.path.relpath(opts.out, ROOT)
    if opts.check:
        if have == want:
            return 0
        sys.stderr.write("%s is out of date with pragmas-spec/pragmas.def and "
                         "pragmas.md.in; "
                         "run: python3 pragmas-spec/gen-docs.py\n" % rel)
        if have is not None:
            diff = difflib.unified_diff(have.splitlines(True), want.splitlines(True),
                                        rel, rel + " (generated)")
            sys.stderr.writelines(list(diff)[:60])
        return 1
    if have != want:
        with open(opts.out, "w", encoding="utf-8") as f:
            f.write(want)
        print("gen-docs.py: wrote " + rel)
    return 0


if __name__ == "__main__":
    sys.exit(main())
