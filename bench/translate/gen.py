#!/usr/bin/env python3
"""Writes a C file of about 1,000 lines with 100 task sites (inline tasks,
function tasks and taskwaits, with sections, shaping and multidependences),
the input of bench/translate/run.sh."""
import sys

out = []
w = out.append
w("#include <stdio.h>")
w("#include <stdlib.h>")
w("#include <string.h>")
w("#include <math.h>")
w("")
w("#define N 256")
w("")
for f in range(25):
    w(f"#pragma oss task in([n]a) inout([n]b) label(\"kernel{f}\")")
    w(f"void kernel{f}(const double *a, double *b, int n)")
    w("{")
    w("    for (int i = 0; i < n; i++) {")
    w(f"        double t = a[i] * {f + 1}.0;")
    w("        t = t * t + 1.0;")
    w("        b[i] += sqrt(t);")
    w("    }")
    w("}")
    w("")
for g in range(20):
    w(f"double stage{g}(double *a, double *b, int n, int bs)")
    w("{")
    w("    double acc = 0;")
    w("    for (int i = 0; i < n; i += bs) {")
    w("        #pragma oss task in(a[i;bs]) out(b[i;bs]) firstprivate(i)")
    w("        for (int j = i; j < i + bs; j++)")
    w(f"            b[j] = a[j] * {g}.5 + 1.0;")
    w("        #pragma oss task inout(b[i:i+bs-1]) shared(acc)")
    w("        {")
    w("            double s = 0;")
    w("            for (int j = i; j < i + bs; j++)")
    w("                s += b[j];")
    w("            #pragma oss atomic")
    w("            acc += s;")
    w("        }")
    w("    }")
    w("    #pragma oss task in({b[k], k = 0;n/bs}) inout(acc)")
    w("    acc *= 0.5;")
    w(f"    kernel{g % 25}(a, b, n);")
    w("    #pragma oss taskwait")
    w("    for (int i = 0; i < n; i++) {")
    w("        if (b[i] < 0)")
    w("            b[i] = -b[i];")
    w("        else")
    w("            b[i] = b[i] * 0.999;")
    w("    }")
    w("    return acc;")
    w("}")
    w("")
# Plain code to reach about 1,000 lines.
k = 0
while len(out) < 955:
    w(f"static double helper{k}(const double *v, int n)")
    w("{")
    w("    double m = 0;")
    w("    for (int i = 0; i < n; i++)")
    w("        if (v[i] > m)")
    w("            m = v[i];")
    w("    return m;")
    w("}")
    w("")
    k += 1
w("int main(void)")
w("{")
w("    double *a = calloc(N, sizeof(double)), *b = calloc(N, sizeof(double));")
w("    double r = 0;")
for g in range(20):
    w(f"    r += stage{g}(a, b, N, 16);")
for f in range(min(k, 30)):
    w(f"    r += helper{f}(b, N);")
w("    printf(\"%g\\n\", r);")
w("    free(a);")
w("    free(b);")
w("    return 0;")
w("}")
src = "\n".join(out) + "\n"
sys.stdout.write(src)
tasks = src.count("#pragma oss task")
sys.stderr.write(f"gen.py: {src.count(chr(10))} lines, {tasks} task pragmas\n")
