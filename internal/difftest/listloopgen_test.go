//go:build cgo

package difftest

import (
	"testing"

	"github.com/multilingualprogramming/multilingual/core/wasmgen"
)

// TestListLoopShapes checks that ListLoopProgram keeps producing
// compiled programs that wasmgen's listloops pass transforms (their
// module changes when the pass is switched off), and programs where it
// must leave a loop alone, so that TestListLoopDifferential covers both.
func TestListLoopShapes(t *testing.T) {
	const n = 600
	var compiled, changed int
	for seed := uint64(1); seed <= n; seed++ {
		p := NewGenerator(seed).ListLoopProgram()
		_, f, info := checkedEnglish(t, seed, p)
		if fn := info.FuncByName["f"]; fn == nil || !fn.Compilable && !fn.Internal {
			continue
		}
		on, err := wasmgen.Generate(f, info, wasmgen.Options{Optimize: true})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		off, err := wasmgen.Generate(f, info, wasmgen.Options{Optimize: true, Disable: wasmgen.PassSet(wasmgen.PassListLoops)})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		compiled++
		if on.WAT() != off.WAT() {
			changed++
		}
	}
	t.Logf("%d of %d list loop programs compiled, %d changed by listloops", compiled, n, changed)
	if compiled < n*9/10 || changed < compiled/2 || changed == compiled {
		t.Errorf("the generator drifted from the listloops pass: %d compiled, %d changed", compiled, changed)
	}
}

// TestListLoopDifferential is TestDifferential on programs of loops over
// lists only (ListLoopProgram): -difftest.n programs from
// -difftest.seed, half of them optimized.
func TestListLoopDifferential(t *testing.T) {
	familyDifferential(t, "list loop", (*Generator).ListLoopProgram)
}
