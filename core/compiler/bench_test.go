package compiler

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkLongExpression compiles `n = n + 1 + 1 ...` lines of 400
// terms, 1,000 to 8,000 terms in all: compile time must grow about
// linearly with the source (it was cubic: 15.7 s for one expression of
// 2,000 terms before the interval and constant analyses remembered their
// answers).
func BenchmarkLongExpression(b *testing.B) {
	// n terms in lines of 400: one expression of 1,000 terms is past
	// CPython's own nesting limit (core/check/limits.go).
	for _, n := range []int{1000, 2000, 4000, 8000} {
		src := "def f(n: int) -> int:\n" +
			strings.Repeat("    n = n"+strings.Repeat(" + 1", 400)+"\n", n/400) + "    return n\n"
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				if _, err := Compile(src, Options{Language: "en"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
