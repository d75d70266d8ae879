#!/usr/bin/env python3
"""Compares the size of Slope's derivatives with SymPy's simplified ones.

For every function in the corpus, counts operations (sympy.count_ops) of
  - SymPy:  simplify(diff(f))
  - Slope:  the derivative printed by `derive`, read back into SymPy without simplifying.
Usage: python3 scripts/compare_sympy.py [corpus-file]   (needs `pip install sympy`)
"""
import json
import subprocess
import sys
from pathlib import Path

import sympy
from sympy.parsing.sympy_parser import (
    convert_xor,
    implicit_multiplication_application,
    parse_expr,
    standard_transformations,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "simplify_corpus.txt"
x = sympy.Symbol("x")
NAMES = {
    "x": x,
    "e": sympy.E,
    "pi": sympy.pi,
    "ln": sympy.log,
    "log": sympy.log,
    "exp": sympy.exp,
    "sqrt": sympy.sqrt,
    "abs": sympy.Abs,
    "asin": sympy.asin,
    "acos": sympy.acos,
    "atan": sympy.atan,
    "sec": sympy.sec,
    "csc": sympy.csc,
    "cot": sympy.cot,
    "max": sympy.Max,
    "min": sympy.Min,
    "sign": sympy.sign,
    "step": sympy.Heaviside,
    "relu": lambda u: sympy.Max(u, 0),
    "leaky_relu": lambda u, a=sympy.Rational(1, 100): sympy.Piecewise((u, u >= 0), (a * u, True)),
}
TRANSFORMS = standard_transformations + (implicit_multiplication_application, convert_xor)


def read(text):
    return parse_expr(text, local_dict=NAMES, transformations=TRANSFORMS)


def agree(a, b):
    """Equal values at a few points (piecewise results that SymPy cannot evaluate count as equal
    where it cannot)."""
    for v in (0.37, 1.29, 2.71):
        try:
            if abs(complex(a.subs(x, v).evalf()) - complex(b.subs(x, v).evalf())) >= 1e-9:
                return False
        except TypeError:
            continue
    return True


def main():
    subprocess.run(["cargo", "build", "--quiet", "--release", "--example", "derive"], cwd=ROOT, check=True)
    derive = ROOT / "target" / "release" / "examples" / "derive"
    rows, worse = [], 0
    for line in CORPUS.read_text().splitlines():
        src = line.strip()
        if not src or src.startswith("#"):
            continue
        out = json.loads(subprocess.run([str(derive), "--json", src], capture_output=True, text=True).stdout)
        ours = read(out["derivative"])
        theirs = sympy.simplify(sympy.diff(read(src), x))
        # A sanity check that both are the same function.
        same = sympy.simplify(ours - theirs) == 0 or agree(ours, theirs)
        a, b = sympy.count_ops(ours), sympy.count_ops(theirs)
        worse += a > b
        rows.append((src, a, b, out["derivative"], str(theirs), same))
    print(f"{'f(x)':<28} {'slope':>5} {'sympy':>5}  slope's f'  |  sympy's f'")
    for src, a, b, ours, theirs, same in rows:
        flag = "" if same else "  <-- VALUES DIFFER"
        mark = "+" if a > b else ("-" if a < b else "=")
        print(f"{src:<28} {a:>5} {b:>5} {mark} {ours}  |  {theirs}{flag}")
    total_a = sum(r[1] for r in rows)
    total_b = sum(r[2] for r in rows)
    print(f"\n{len(rows)} functions: slope larger on {worse}, total ops slope={total_a} sympy={total_b}")


if __name__ == "__main__":
    main()
