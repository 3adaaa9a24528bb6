package plan

import (
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
)

// TestUnroll checks which loops write their turn twice (unroll.go): the
// first loop of f.
func TestUnroll(t *testing.T) {
	tests := []struct {
		name, src string
		want      int
	}{
		{"a small loop over a list", `def f(n: int) -> int:
    a = [n, 2]
    s = 0
    for x in a:
        s = s + x
    return s
`, 2},
		{"a counting while loop", `def f(n: int) -> int:
    s = 0
    i = 0
    while i < n:
        s = s + i % 7
        i = i + 1
    return s
`, 2},
		{"a range loop", `def f(n: int) -> int:
    s = 0
    for i in range(n):
        s = s + i
    return s
`, 1},
		{"an outer loop", `def f(n: int) -> int:
    a = [n, 2]
    s = 0
    for x in a:
        for k in range(3):
            s = s + x
    return s
`, 1},
		{"a call in the body", `def g(v: int) -> int:
    return v + 1

def f(n: int) -> int:
    a = [n, 2]
    s = 0
    for x in a:
        s = s + g(x)
    return s
`, 1},
		{"a large body", `def f(n: int) -> int:
    a = [n, 2]
    s = 0
    for x in a:
        s = s + x * 3 + x * 5 - x % 7 + (x + 1) * (x + 2) - (x - 3) * (x - 4) + x // 9
        s = s - x * 11 + x * 13 - x % 17 + (x + 5) * (x + 6) - (x - 7) * (x - 8) + x // 19
    return s
`, 1},
	}
	for _, tt := range tests {
		for _, passes := range []PassSet{AllPasses, AllPasses &^ PassSet(PassUnroll)} {
			rg := analyse(t, tt.src, "f", passes, false)
			var loop ast.Stmt
			ast.InspectStmts(rg.Fn.Decl.Body, func(n ast.Node) bool {
				switch n.(type) {
				case *ast.For, *ast.While:
					if loop == nil {
						loop = n.(ast.Stmt)
					}
				}
				return true
			})
			want := tt.want
			if !passes.Has(PassUnroll) {
				want = 1
			}
			if got := rg.Unroll(loop); got != want {
				t.Errorf("%s (unroll on: %v): %d, want %d", tt.name, passes.Has(PassUnroll), got, want)
			}
		}
	}
}
