package compiler

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkLongExpression compiles `return n + 1 + 1 ...` with 1,000 to
// 8,000 terms: compile time must grow about linearly with the source (it
// was cubic: 15.7 s for 2,000 terms before the interval and constant
// analyses remembered their answers).
func BenchmarkLongExpression(b *testing.B) {
	for _, n := range []int{1000, 2000, 4000, 8000} {
		src := "def f(n: int) -> int:\n    return n" + strings.Repeat(" + 1", n) + "\n"
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
