package check_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/check"
	"github.com/multilingualprogramming/multilingual/core/lang"
	"github.com/multilingualprogramming/multilingual/core/parser"
)

// nestedIfs is a function whose innermost statement stands n+1 blocks deep.
func nestedIfs(n int) string {
	var b strings.Builder
	b.WriteString("def f(n: int) -> int:\n")
	for i := range n {
		b.WriteString(strings.Repeat("    ", i+1) + "if n > 0:\n")
	}
	b.WriteString(strings.Repeat("    ", n+1) + "n = n + 1\n    return n\n")
	return b.String()
}

// nestedBlocks nests n blocks written by open (a loop, a with, a try).
func nestedBlocks(n int, open, close string) string {
	var b strings.Builder
	b.WriteString("def f(n: int) -> int:\n")
	for i := range n {
		b.WriteString(strings.Repeat("    ", i+1) + open + "\n")
	}
	b.WriteString(strings.Repeat("    ", n+1) + "n = n + 1\n")
	for i := n - 1; i >= 0 && close != ""; i-- {
		b.WriteString(strings.Repeat("    ", i+1) + close + "\n" + strings.Repeat("    ", i+2) + "pass\n")
	}
	b.WriteString("    return n\n")
	return b.String()
}

// elifs is a function whose if has n elif branches.
func elifs(n int) string {
	var b strings.Builder
	b.WriteString("def f(n: int) -> int:\n    if n == 0:\n        return 0\n")
	for i := 1; i <= n; i++ {
		b.WriteString("    elif n == " + strconv.Itoa(i) + ":\n        return 1\n")
	}
	b.WriteString("    return n\n")
	return b.String()
}

func ret(expr string) string { return "def f(n: int) -> int:\n    return " + expr + "\n" }

// TestLimits checks each limit at its edge: the largest program within it
// has no error, one step beyond has the limit's message on the expected line.
func TestLimits(t *testing.T) {
	tests := []struct {
		name     string
		build    func(n int) string
		max      int    // the largest n accepted
		line     int    // where the error of max+1 is
		contains string // in the English message
	}{
		{"indentation", nestedIfs, check.MaxIndent - 1, check.MaxIndent + 2, "indentation"},
		{"loops", func(n int) string { return nestedBlocks(n, "for i in range(n):", "") }, check.MaxBlocks, check.MaxBlocks + 3, "nested blocks"},
		{"while", func(n int) string { return nestedBlocks(n, "while n < 0:", "") }, check.MaxBlocks, check.MaxBlocks + 3, "nested blocks"},
		{"try", func(n int) string { return nestedBlocks(n, "try:", "except ValueError:") }, check.MaxBlocks - 1, check.MaxBlocks + 4, "nested blocks"},
		{"with", func(n int) string { return nestedBlocks(n, "with n:", "") }, check.MaxBlocks, check.MaxBlocks + 3, "nested blocks"},
		{"chain", func(n int) string { return ret("n" + strings.Repeat(" + 1", n)) }, check.MaxExprDepth - 2, 2, "too deeply"},
		{"attributes", func(n int) string { return ret("n" + strings.Repeat(".real", n)) }, check.MaxExprDepth - 2, 2, "too deeply"},
		{"elifs", elifs, check.MaxElifDepth - 1, 2*check.MaxElifDepth + 2, "elif"},
		{"calls", func(n int) string { return ret(strings.Repeat("abs(", n) + "n" + strings.Repeat(")", n)) }, check.MaxNesting, 2, "too deeply"},
		{"lists", func(n int) string { return ret(strings.Repeat("[", n) + "n" + strings.Repeat("]", n)) }, check.MaxNesting, 2, "too deeply"},
		{"unary", func(n int) string { return ret(strings.Repeat("-", n) + "n") }, check.MaxNesting, 2, "too deeply"},
		{"power", func(n int) string { return ret("n" + strings.Repeat(" ** 1", n)) }, check.MaxNesting, 2, "too deeply"},
	}
	l, _ := lang.Get("en")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, n := range []int{tt.max, tt.max + 1} {
				src := tt.build(n)
				f, errs := parser.ParseFile("t.multi", src, l)
				if len(errs) > 0 {
					t.Fatalf("n=%d: parse: %v", n, errs)
				}
				_, errs = check.CheckSource(f, src, l)
				if n == tt.max {
					if len(errs) > 0 {
						t.Errorf("n=%d (the limit): %v", n, errs[0])
					}
					continue
				}
				if len(errs) != 1 {
					t.Fatalf("n=%d: want one error, got %v", n, errs)
				}
				if e := errs[0]; int(e.Start.Line) != tt.line || !strings.Contains(e.Msg, tt.contains) || e.Text == "" {
					t.Errorf("n=%d: got %d:%d %q (text %q), want line %d with %q", n, e.Start.Line, e.Start.Col, e.Msg, e.Text, tt.line, tt.contains)
				}
			}
		})
	}
}
