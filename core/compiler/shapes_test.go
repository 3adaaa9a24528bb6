package compiler_test

import (
	"fmt"
	"strings"
)

// A shape writes a program of about size bytes whose bulk is one kind of
// construct; a and b (any values) vary the construct's proportions. The
// shapes stress each phase where a super-linear algorithm would show:
// long expressions, deep nesting, many functions, one long function, long
// lines, big literals, many strings, wide calls, long elif ladders, big
// displays, many locals.
type shape struct {
	name  string
	write func(b *strings.Builder, size, a, b2 int)
}

// in returns v folded into [lo, hi].
func in(v, lo, hi int) int {
	if v < 0 {
		v = -v
	}
	return lo + v%(hi-lo+1)
}

var shapes = []shape{
	{"chains", func(w *strings.Builder, size, a, _ int) {
		terms := in(a, 50, 480) // within check.MaxExprDepth
		for i := 0; w.Len() < size; i++ {
			fmt.Fprintf(w, "def f%d(n: int) -> int:\n    return n%s\n\n", i, strings.Repeat(" + 1", terms))
		}
	}},
	{"nesting", func(w *strings.Builder, size, a, _ int) {
		depth := in(a, 2, 98)
		for i := 0; w.Len() < size; i++ {
			fmt.Fprintf(w, "def f%d(n: int) -> int:\n", i)
			for d := 0; d < depth; d++ {
				fmt.Fprintf(w, "%sif n > %d:\n", strings.Repeat(" ", d+1), d)
			}
			fmt.Fprintf(w, "%sn = n + 1\n return n\n\n", strings.Repeat(" ", depth+1))
		}
	}},
	{"loops", func(w *strings.Builder, size, a, _ int) {
		depth := in(a, 1, 20)
		for i := 0; w.Len() < size; i++ {
			fmt.Fprintf(w, "def f%d(n: int) -> int:\n    s = 0\n", i)
			for d := 0; d < depth; d++ {
				fmt.Fprintf(w, "%sfor i%d in range(n):\n", strings.Repeat(" ", 4+d), d)
			}
			fmt.Fprintf(w, "%ss = s + i0\n    return s\n\n", strings.Repeat(" ", 4+depth))
		}
	}},
	{"functions", func(w *strings.Builder, size, a, _ int) {
		for i := 0; w.Len() < size; i++ {
			callee := ""
			if i > 0 {
				callee = fmt.Sprintf(" + f%d(n - 1)", in(a+i, 0, i-1))
			}
			fmt.Fprintf(w, "def f%d(n: int) -> int:\n    if n < 1:\n        return 0\n    return n%s\n\n", i, callee)
		}
	}},
	{"long function", func(w *strings.Builder, size, a, _ int) {
		vars := in(a, 1, 2000)
		w.WriteString("def f(n: int) -> int:\n    v0 = n\n")
		for i := 1; w.Len() < size; i++ {
			fmt.Fprintf(w, "    v%d = v%d * 3 + %d\n", i%vars, (i-1)%vars, i)
			if i%7 == 0 {
				fmt.Fprintf(w, "    if v%d > 100:\n        v%d = v%d %% 100\n", i%vars, i%vars, i%vars)
			}
		}
		w.WriteString("    return v0\n")
	}},
	{"long line", func(w *strings.Builder, size, a, _ int) {
		w.WriteString("def f(n: int) -> int:\n    return max(n")
		for w.Len() < size {
			fmt.Fprintf(w, ", n * %d", in(a, 1, 1000))
		}
		w.WriteString(")\n")
	}},
	{"big literals", func(w *strings.Builder, size, a, _ int) {
		digits := in(a, 1, size)
		w.WriteString("X = ")
		for w.Len() < size && digits > 0 {
			w.WriteByte(byte('1' + w.Len()%9))
			digits--
		}
		w.WriteString("\nS = '")
		for w.Len() < size {
			w.WriteString("abcdéf")
		}
		w.WriteString("'\ndef f(n: int) -> int:\n    return n\n")
	}},
	{"strings", func(w *strings.Builder, size, a, _ int) {
		w.WriteString("def f(s: str) -> int:\n    n = 0\n")
		for i := 0; w.Len() < size; i++ {
			if i%in(a, 2, 9) == 0 {
				fmt.Fprintf(w, "    t%d = f\"{s}-{n}-%d\"\n", i, i)
			} else {
				fmt.Fprintf(w, "    if s == \"word %d é\":\n        n = n + %d\n", i, i)
			}
		}
		w.WriteString("    return n\n")
	}},
	{"wide calls", func(w *strings.Builder, size, a, _ int) {
		width := in(a, 10, 5000)
		w.WriteString("def g(*xs: int) -> int:\n    return len(xs)\n\ndef f(n: int) -> int:\n    s = 0\n")
		for w.Len() < size {
			w.WriteString("    s = s + g(n")
			for j := 1; j < width && w.Len() < size; j++ {
				w.WriteString(", n")
			}
			w.WriteString(")\n")
		}
		w.WriteString("    return s\n")
	}},
	{"elif ladder", func(w *strings.Builder, size, a, _ int) {
		rungs := in(a, 10, 440) // within check.MaxElifDepth
		for i := 0; w.Len() < size; i++ {
			fmt.Fprintf(w, "def f%d(n: int) -> int:\n    if n == 0:\n        return 0\n", i)
			for j := 1; j < rungs; j++ {
				fmt.Fprintf(w, "    elif n == %d:\n        return %d\n", j, j*i)
			}
			w.WriteString("    else:\n        return -1\n\n")
		}
	}},
	{"displays", func(w *strings.Builder, size, a, b int) {
		w.WriteString("D = {")
		half := size * in(a, 1, 9) / 10
		for i := 0; w.Len() < half; i++ {
			fmt.Fprintf(w, "%q: %d, ", fmt.Sprint("k", i), i)
		}
		w.WriteString("}\ndef f(n: int) -> int:\n    xs = [")
		for i := 0; w.Len() < size; i++ {
			fmt.Fprintf(w, "%d, ", i*in(b, 1, 5))
		}
		w.WriteString("]\n    return xs[n]\n")
	}},
	{"mixed", func(w *strings.Builder, size, a, b int) {
		for i := 0; w.Len() < size; i++ {
			fmt.Fprintf(w, "def f%d(xs: list[int], n: int) -> int:\n    s = 0\n    for x in xs:\n", i)
			fmt.Fprintf(w, "        while n > %d:\n            n = n // 2\n", in(a+i, 0, 9))
			fmt.Fprintf(w, "        s = s + x * n - (x %% %d)\n", in(b+i, 1, 9))
			fmt.Fprintf(w, "    return s\n\n")
		}
	}},
}
