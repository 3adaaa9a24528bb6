//go:build cgo

package difftest

import (
	"strings"
	"testing"

	"github.com/multilingualprogramming/multilingual/core/ast"
	"github.com/multilingualprogramming/multilingual/core/wasmgen"
)

// sliceStrMethods are the str methods SliceProgram calls.
var sliceStrMethods = map[string]bool{"lower": true, "upper": true, "strip": true, "split": true, "join": true,
	"startswith": true, "endswith": true}

// sliceContents reports whether the tree of f holds a slice and a call of
// a str method.
func sliceContents(f *ast.File) (slice, method bool) {
	for _, s := range f.Body {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Slice:
				slice = true
			case *ast.Call:
				if at, ok := n.Func.(*ast.Attribute); ok && sliceStrMethods[at.Name.Name] {
					method = true
				}
			}
			return true
		})
	}
	return slice, method
}

// TestSliceShapes checks that SliceProgram keeps producing programs the
// checker compiles, most of them with a slice and a str method, whose
// modules the version, hoist and ivptr passes change, so that
// TestSliceDifferential covers them; with -v it shows a program for each
// reason that keeps functions in Python.
func TestSliceShapes(t *testing.T) {
	const n = 600
	compiled, both := 0, 0
	reasons := map[string]int{}
	for seed := uint64(1); seed <= n; seed++ {
		p := NewGenerator(seed).SliceProgram()
		src, _, info := checkedEnglish(t, seed, p)
		fn := info.FuncByName["f"]
		if fn == nil || !fn.Compilable {
			why := "no function f"
			if fn != nil {
				why = fn.Reason
				if _, after, ok := strings.Cut(why, ": "); ok && strings.HasPrefix(why, "line ") {
					why = after // the reason, wherever the line
				}
			}
			if reasons[why]++; reasons[why] == 1 {
				t.Logf("seed %d does not compile: %s\n%s", seed, why, src)
			}
			continue
		}
		compiled++
		if slice, method := sliceContents(p.File); slice && method {
			both++
		}
	}
	t.Logf("%d of %d slice programs compiled, %d with a slice and a str method; reasons: %v", compiled, n, both, reasons)
	if compiled < n*9/10 || both < compiled*3/4 {
		t.Errorf("the generator drifted from the checker: %d compiled, %d with a slice and a str method", compiled, both)
	}
	// the loops around the slices meet the optimizing passes: loop
	// versioning (most programs), hoisted list headers and pointer loops
	// (about a quarter)
	for _, ps := range []struct {
		name string
		pass wasmgen.Pass
		frac int
	}{{"version", wasmgen.PassVersion, 2}, {"hoist", wasmgen.PassHoist, 10}, {"ivptr", wasmgen.PassIVPtr, 10}} {
		compiled, changed := passChanges(t, n, (*Generator).SliceProgram, ps.pass, false)
		t.Logf("%d of %d slice programs compiled, %d changed by %s", compiled, n, changed, ps.name)
		if changed < compiled/ps.frac {
			t.Errorf("the generator drifted from the %s pass: %d compiled, %d changed", ps.name, compiled, changed)
		}
	}
}

// TestSliceDifferential is TestDifferential on slices and str methods
// only (SliceProgram): -difftest.n programs from -difftest.seed, half of
// them optimized.
func TestSliceDifferential(t *testing.T) {
	familyDifferential(t, "slice", (*Generator).SliceProgram)
}

// TestPrintPythonSlices checks that the printer writes the subscripts of
// slices, whose absent parts stay empty, in both modes (the checked one
// records the bounds, not the slice).
func TestPrintPythonSlices(t *testing.T) {
	l := &ast.ListLit{Elems: []ast.Expr{intLit(1), intLit(2), intLit(3), intLit(4)}}
	cases := []struct {
		e    ast.Expr
		want string
	}{
		{sliceCut(l, intLit(1), intLit(3), nil), "[2, 3]"},
		{sliceCut(l, nil, nil, intLit(-1)), "[4, 3, 2, 1]"},
		{sliceCut(l, intLit(-3), nil, intLit(2)), "[2, 4]"},
		{sliceCut(l, nil, intLit(-1), nil), "[1, 2, 3]"},
		{sliceCut(l, nil, nil, nil), "[1, 2, 3, 4]"},
		{sliceCut(sliceStr("a,b"), nil, nil, intLit(2)), "ab"},
		{sliceMethod(sliceStr(","), "join", sliceMethod(sliceStr(" x  y "), "split")), "x,y"},
	}
	for _, m := range []PyMode{PyPlain, PyChecked} {
		var script strings.Builder
		if m == PyChecked {
			script.WriteString(CheckPrelude + "\n")
		}
		for _, c := range cases {
			script.WriteString("print(" + exprPy(t, c.e, m) + ")\n")
		}
		for i, got := range evalPy(t, script.String()) {
			if got != cases[i].want {
				t.Errorf("mode %d: %s printed %q, want %q", m, exprPy(t, cases[i].e, m), got, cases[i].want)
			}
		}
	}
}
